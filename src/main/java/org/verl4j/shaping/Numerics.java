package org.verl4j.shaping;

/**
 * Arithmetic of the aux signal and shaping. FLOAT64 (default) computes the definitions in double.
 * AUTHORS_BF16 reproduces the authors' PyTorch storage and op order bit for bit (ER indicator, reward tensor
 * and advantages in bfloat16, the rest in float32; see {@link AuthorsNumerics}) — for parity checks only.
 */
public enum Numerics {
    FLOAT64, AUTHORS_BF16
}
