/**
 * The symbolic layer of the grader: LaTeX/plain answers parsed into {@link org.verl4j.grader.symbolic.Expr} trees
 * ({@link org.verl4j.grader.symbolic.ExprParser}), compared exactly with {@link org.verl4j.grader.symbolic.Rational}
 * arithmetic where both sides are rational and otherwise by evaluation at seeded random points
 * ({@link org.verl4j.grader.symbolic.SymbolicEquality}). Every loop checks a
 * {@link org.verl4j.grader.symbolic.Deadline}. JDK only.
 */
package org.verl4j.grader.symbolic;
