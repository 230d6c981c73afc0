/**
 * The feature schema (named, ordered, versioned features of a {@code float[]}
 * vector) and the assembly of the derived features at scoring time.
 */
package com.creditgate.scoring.feature;
