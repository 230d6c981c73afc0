/** Credit models: the model contract and the score scale. */
package com.creditgate.scoring.model;
