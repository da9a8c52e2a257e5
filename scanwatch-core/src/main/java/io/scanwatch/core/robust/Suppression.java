package io.scanwatch.core.robust;

import java.io.Serializable;

/**
 * An allowlist entry and the unauthenticated events it suppressed (0 when it matched none).
 *
 * @param events events counted for this entry, the first one that matched each of them
 */
public record Suppression(AllowlistEntry entry, long events) implements Serializable {}
