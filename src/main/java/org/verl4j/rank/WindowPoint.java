package org.verl4j.rank;

/**
 * One growing prefix window of spec §3: {@code W_j = Z[0..t]} (t+1 rows, of the possibly truncated Z).
 *
 * @param end          t, the index of the window's last row (t = j·s)
 * @param er           E_j = ER(W_j)
 * @param velocity     v_j = E_j − mean(E_1..E_{j−1}); NaN for j = 1 (undefined)
 * @param acceleration a_j = v_j − v_{j−1}; NaN for j ≤ 2 (undefined)
 */
public record WindowPoint(int end, double er, double velocity, double acceleration) {
}
