/** The feature schema: named, ordered, versioned features of a {@code float[]} vector. */
package com.creditgate.scoring.feature;
