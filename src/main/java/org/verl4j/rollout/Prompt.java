package org.verl4j.rollout;

import java.io.Serializable;

/**
 * One prompt to roll out: its id (seeds its samples' random streams, see {@link ResponseSeeds}) and its token ids
 * (the template already applied).
 */
public record Prompt(String id, int[] tokenIds) implements Serializable {

    public Prompt {
        if (id == null) throw new IllegalArgumentException("prompt id must not be null");
        if (tokenIds == null || tokenIds.length == 0) throw new IllegalArgumentException("prompt " + id + " has no tokens");
        tokenIds = tokenIds.clone();
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    /** The longest prompt's token count: the width a call over {@code prompts} pads them to. */
    public static int longest(java.util.List<Prompt> prompts) {
        int w = 0;
        for (Prompt p : prompts) w = Math.max(w, p.tokenIds.length);
        return w;
    }

    int length() {
        return tokenIds.length;
    }

    int token(int t) {
        return tokenIds[t];
    }
}
