package io.scanwatch.core.detect;

import java.io.Serializable;

/** The by-fields of a parity row: {@code src_ip}, {@code user.username}, {@code user.groups{}}. */
public record ParityRowKey(String srcIp, String username, String group) implements Serializable {}
