/**
 * Writes the result of the robust detection as OCSF 1.1.0 Detection Finding events (class 2004 in
 * category 2, Findings), one JSON object a line, for security data lakes such as Amazon Security
 * Lake. {@link io.scanwatch.output.ocsf.OcsfFindingWriter} states how each field is mapped.
 */
package io.scanwatch.output.ocsf;
