package com.creditgate.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package map of docs/design-decisions.md as executable rules over the compiled main classes of common,
 * scoring and gateway: dependencies point one way (gateway → scoring → common), the gateway's packages form no
 * cycle, and only the composition root sees every feature.
 */
@AnalyzeClasses(packages = "com.creditgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {
  private static final String ROOT = "com.creditgate.gateway";
  private static final String[] FEATURES = {ROOT + ".accounts..", ROOT + ".admin..", ROOT + ".audit..",
      ROOT + ".events..", ROOT + ".holds..", ROOT + ".idempotency..", ROOT + ".ledger..", ROOT + ".limitcheck..",
      ROOT + ".report..", ROOT + ".reviews..", ROOT + ".risk..", ROOT + ".runtime..", ROOT + ".seed..",
      ROOT + ".store.."};

  /** Every gateway package, the root included, is its own slice; subpackages are slices of their own. */
  private static final SliceAssignment GATEWAY_PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.equals(ROOT) || name.startsWith(ROOT + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of the gateway";
    }
  };

  @ArchTest
  static final ArchRule gatewayPackagesFormNoCycle = slices().assignedFrom(GATEWAY_PACKAGES).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingDependsOnTheCompositionRoot = noClasses()
      .that().resideOutsideOfPackage(ROOT)
      .should().dependOnClassesThat().resideInAPackage(ROOT);

  @ArchTest
  static final ArchRule httpHoldsOnlyNeutralBuildingBlocks = noClasses()
      .that().resideInAPackage(ROOT + ".http..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule errorsDependOnNoOtherGatewayPackage = noClasses()
      .that().resideInAPackage(ROOT + ".error")
      .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(ROOT + ".error")));

  @ArchTest
  static final ArchRule storeHoldsContractsThatImplementationsImport = noClasses()
      .that().resideInAPackage(ROOT + ".store")
      .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
          .and(describe("outside store and error", c -> !c.getPackageName().equals(ROOT + ".store")
              && !c.getPackageName().equals(ROOT + ".error"))));

  @ArchTest
  static final ArchRule scoringAndCommonStayPure = noClasses()
      .that().resideInAnyPackage("com.creditgate.scoring..", "com.creditgate.common..")
      .should().dependOnClassesThat(resideInAnyPackage(ROOT + "..", "io.vertx..", "io.netty..", "java.sql.."));

  @ArchTest
  static final ArchRule commonDependsOnNoOtherModule = noClasses()
      .that().resideInAPackage("com.creditgate.common..")
      .should().dependOnClassesThat().resideInAnyPackage("com.creditgate.scoring..", ROOT + "..");
}
