package dev.sqlfeed.domain.mapping;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The CEL environment of baton-sql's {@code pkg/bcel}: its variables and its custom functions, on
 * top of CEL's standard library and macros. Function and overload names are baton-sql's.
 */
final class BatonSqlLibrary {
  /** Variables baton-sql declares, each a {@code map(string, dyn)}; see {@link Activation}. */
  static final List<String> VARIABLES =
      List.of(
          Activation.COLS,
          Activation.RESOURCE,
          Activation.PRINCIPAL,
          Activation.ENTITLEMENT,
          Activation.INPUT);

  /**
   * Mixed int/double comparisons ({@code .score > 5} on a REAL column) are allowed; baton-sql's
   * cel-go rejects them, so this only accepts more.
   */
  static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  private BatonSqlLibrary() {}

  static CelCompiler compiler() {
    CelType row = MapType.create(SimpleType.STRING, SimpleType.DYN);
    CelCompilerBuilder builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
    for (String variable : VARIABLES) {
      builder.addVar(variable, row);
    }
    CelType strings = ListType.create(SimpleType.STRING);
    return builder
        .addFunctionDeclarations(
            stringToString("toUpper"),
            stringToString("toLower"),
            stringToString("titleCase"),
            stringToString("slugify"),
            CelFunctionDecl.newFunctionDeclaration(
                "phpDeserializeStringArray",
                CelOverloadDecl.newGlobalOverload(
                    "phpDeserializeStringArray_string", strings, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                "phpSerializeStringArray",
                CelOverloadDecl.newGlobalOverload(
                    "phpSerializeStringArray_list_string", SimpleType.STRING, strings)))
        .build();
  }

  static CelRuntime runtime() {
    // The standard (not the planner) runtime: about twice as fast on this kind of expression.
    return CelRuntimeFactory.standardCelRuntimeBuilder()
        .setOptions(OPTIONS)
        .addFunctionBindings(
            stringBinding("toUpper", StringFunctions::toUpper),
            stringBinding("toLower", StringFunctions::toLower),
            stringBinding("titleCase", StringFunctions::titleCase),
            stringBinding("slugify", StringFunctions::slugify),
            CelFunctionBinding.from(
                "phpDeserializeStringArray_string",
                String.class,
                BatonSqlLibrary::phpDeserializeStringArray),
            CelFunctionBinding.from(
                "phpSerializeStringArray_list_string",
                List.class,
                BatonSqlLibrary::phpSerializeStringArray))
        .build();
  }

  private static CelFunctionDecl stringToString(String name) {
    return CelFunctionDecl.newFunctionDeclaration(
        name,
        CelOverloadDecl.newGlobalOverload(name + "_string", SimpleType.STRING, SimpleType.STRING));
  }

  private static CelFunctionBinding stringBinding(String name, UnaryOperator<String> function) {
    return CelFunctionBinding.from(name + "_string", String.class, function::apply);
  }

  private static Object phpDeserializeStringArray(String text) throws CelEvaluationException {
    try {
      return PhpSerialization.stringKeys(text);
    } catch (IllegalArgumentException e) {
      throw new CelEvaluationException("phpDeserializeStringArray: " + e.getMessage(), e);
    }
  }

  private static Object phpSerializeStringArray(List<?> members) throws CelEvaluationException {
    for (int i = 0; i < members.size(); i++) {
      if (!(members.get(i) instanceof String)) {
        throw new CelEvaluationException(
            "phpSerializeStringArray: expected a list of strings, element "
                + i
                + " is "
                + CelResults.typeName(members.get(i)));
      }
    }
    @SuppressWarnings("unchecked")
    List<String> strings = (List<String>) members;
    return PhpSerialization.serializeSet(strings);
  }
}
