package com.creditgate.gateway.risk;

import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.ModelReader;
import com.creditgate.scoring.policy.LimitPolicy;
import com.creditgate.scoring.policy.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the default model and policy from the class path. Blocking: called once at start, off the event
 * loop.
 */
public final class RiskEngineLoader {
  private RiskEngineLoader() {}

  /** The engine with the model at {@code modelResource} and the default policy. */
  public static RiskEngine load(String modelResource) {
    CreditModel model = ModelReader.read(resource(modelResource));
    return new RiskEngine(model, new LimitPolicy(PolicyDocument.defaults()));
  }

  /** The bytes of class-path resource {@code name}; blocking (start-up only). */
  public static byte[] resource(String name) {
    try (InputStream in = RiskEngineLoader.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no class-path resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
