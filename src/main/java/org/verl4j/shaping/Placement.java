package org.verl4j.shaping;

/**
 * Where the VERL bonus enters the advantage (spec §7, decision).
 * LAST_TOKEN: only the last valid response token (the authors put aux in the reward tensor there; default).
 * ALL_TOKENS: every valid token of the response.
 */
public enum Placement {
    LAST_TOKEN, ALL_TOKENS
}
