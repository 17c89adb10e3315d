package dev.sqlfeed.worker.cli;

import static dev.sqlfeed.worker.cli.ProvisioningFixture.CONFIG;
import static dev.sqlfeed.worker.cli.ProvisioningFixture.NO_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.provisioning.Password;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code account create} and {@code rotate} decide without a database: dry runs (the password
 * masked), and what they refuse, each case a row of the table below: the config change, the
 * arguments after {@code --config FILE}, the exit code, and a text that the output must contain.
 */
class CliAccountTest {
  private static final String BLOCK = "resource_types.user.account_provisioning";

  @RegisterExtension final ProvisioningFixture app = new ProvisioningFixture();

  /**
   * One refusal.
   *
   * @param name what the case shows
   * @param edit the change to the fixture's config
   * @param args the command and its arguments; {@code FILE} is the config file
   * @param exit the exit code
   * @param says a text of stderr ({@code FILE} again the config file)
   */
  record Case(String name, UnaryOperator<String> edit, List<String> args, int exit, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<String> create(String... more) {
    List<String> args = new ArrayList<>(List.of("account", "create", "-c", "FILE", "-t", "user"));
    args.addAll(List.of(more));
    return args;
  }

  private static List<String> rotate(String... more) {
    List<String> args = new ArrayList<>(List.of("account", "rotate", "-c", "FILE"));
    args.addAll(List.of(more));
    return args;
  }

  /** Runs {@code args} without a database, {@code FILE} standing for {@code config}. */
  private static CliRun run(String config, List<String> args) {
    return CliRun.run(
        NO_DATABASE, args.stream().map(a -> a.replace("FILE", config)).toArray(String[]::new));
  }

  static Stream<Case> refusals() {
    UnaryOperator<String> same = c -> c;
    return Stream.of(
        new Case(
            "a required field that is missing",
            same,
            create("-f", "mail=x@example.test"),
            ExitCode.INVALID_INPUT,
            "FILE: " + BLOCK + ".schema[0]: field 'login' is required (--field NAME=VALUE)"),
        new Case(
            "a field the schema does not have",
            same,
            create("-f", "login=dan", "-f", "age=3"),
            ExitCode.INVALID_INPUT,
            "FILE: " + BLOCK + ".schema: no field 'age' (fields: login, mail)"),
        new Case(
            "an int field that is not a number",
            c -> c.replace("type: string\n", "type: int\n"),
            create("-f", "login=dan"),
            ExitCode.INVALID_INPUT,
            "FILE: " + BLOCK + ".schema[0]: field 'login': 'dan' is not a whole number"),
        new Case(
            "a resource type that does not exist",
            same,
            List.of("account", "create", "-c", "FILE", "-t", "robot", "-f", "login=dan"),
            ExitCode.INVALID_INPUT,
            "FILE: resource_types: no resource type 'robot' (resource types: user, team)"),
        new Case(
            "a type without account_provisioning",
            same,
            List.of("account", "create", "-c", "FILE", "-t", "team"),
            ExitCode.INVALID_INPUT,
            "FILE: resource_types.team: no account_provisioning block"),
        new Case(
            "a credential option the block does not offer",
            same,
            create("-f", "login=dan", "--credential", "encrypted_password"),
            ExitCode.INVALID_INPUT,
            "FILE: "
                + BLOCK
                + ".credentials: does not offer encrypted_password (it offers no_password,"
                + " random_password)"),
        new Case(
            "encrypted_password, which needs a key sqlfeed does not have",
            c -> c.replace("no_password:\n", "encrypted_password:\n"),
            create("-f", "login=dan", "--credential", "encrypted_password"),
            ExitCode.INVALID_INPUT,
            "FILE: " + BLOCK + ".credentials.encrypted_password: not supported by sqlfeed"),
        new Case(
            "no_password with a var that binds the password",
            same,
            create("-f", "login=dan", "--credential", "no_password"),
            ExitCode.INVALID_INPUT,
            "FILE: "
                + BLOCK
                + ".create.vars.password: binds the password, but no_password generates none"),
        new Case(
            "a password shorter than 8",
            same,
            create("-f", "login=dan", "--password-length", "7"),
            ExitCode.INVALID_INPUT,
            "FILE: "
                + BLOCK
                + ".credentials.random_password: a password needs at least 8 characters, not 7"),
        new Case(
            "constraints that need more characters than the length",
            c -> c.replace("min_count: 3", "min_count: 9"),
            create("-f", "login=dan", "--password-length", "8"),
            ExitCode.INVALID_INPUT,
            "the constraints need 9 characters, more than the length 8"),
        new Case(
            "a placeholder that pastes its value into the SQL",
            c -> c.replace("?<login>, ?<mail>", "?<login|unquoted>, ?<mail>"),
            create("-f", "login=dan"),
            ExitCode.INVALID_INPUT,
            "FILE: "
                + BLOCK
                + ".create.queries[0]: ?<login|unquoted> pastes its value into the SQL text;"
                + " 'sqlfeed account create' binds every value"),
        new Case(
            "a rotation of a type without credential_rotation",
            same,
            rotate("--resource", "team:ops"),
            ExitCode.INVALID_INPUT,
            "FILE: resource_types.team: no credential_rotation block"),
        new Case(
            "a rotation without an update block",
            c ->
                c.replace(
                    "      update:\n"
                        + "        vars: {user: resource_id, password: password}\n"
                        + "        queries:\n"
                        + "          - UPDATE users SET secret = ?<password> WHERE id = ?<user>\n",
                    ""),
            rotate("--resource", "user:3"),
            ExitCode.INVALID_INPUT,
            "FILE: resource_types.user.credential_rotation: no update block, so nothing to run"),
        new Case(
            "a malformed account",
            same,
            rotate("--resource", "user"),
            ExitCode.INVALID_INPUT,
            "'user' is not TYPE:ID"),
        new Case(
            "an app database that cannot be reached",
            same,
            create("-f", "login=dan"),
            ExitCode.UNAVAILABLE,
            "sqlfeed: connect: cannot connect to "));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void isRefused(Case c) throws Exception {
    String config = app.config(c.edit().apply(CONFIG));

    CliRun run = run(config, c.args()).exits(c.exit());

    assertThat(run.err()).contains(c.says().replace("FILE", config));
    assertThat(run.out()).doesNotContain("password: ");
  }

  @Test
  void createDryRun_printsTheLookupAndTheStatements_withThePasswordMasked() throws Exception {
    String config = app.config(CONFIG);

    CliRun r = run(config, create("-f", "login=dan", "--dry-run")).exits(ExitCode.OK);

    assertThat(r.out())
        .isEqualTo(
            "dry run: account create user runs 1 statement of "
                + BLOCK
                + ".create in one transaction, after the validate query finds no such account;"
                + " credential: random_password (generated, shown as ********); nothing is"
                + " written\n"
                + "lookup. "
                + BLOCK
                + ".validate.query (a row means the account exists)\n"
                + "   SELECT id, login FROM users WHERE login = ?\n"
                + "   [1] ?<login> = 'dan' (string)\n"
                + "1. "
                + BLOCK
                + ".create.queries[0]\n"
                + "   INSERT INTO users (id, login, mail, secret) SELECT COALESCE(MAX(id), 0) + 1,"
                + " ?, ?, ? FROM users\n"
                + "   [1] ?<login> = 'dan' (string)\n"
                + "   [2] ?<mail> = NULL\n"
                + "   [3] ?<password> = '********' (string, generated password)\n");
  }

  @Test
  void rotateDryRun_bindsTheAccountId_andMasksThePassword() throws Exception {
    String config = app.config(CONFIG);

    CliRun r = run(config, rotate("--resource", "user:3", "--dry-run")).exits(ExitCode.OK);

    assertThat(r.out())
        .isEqualTo(
            "dry run: account rotate user:3 runs 1 statement of"
                + " resource_types.user.credential_rotation.update in one transaction;"
                + " credential: random_password (generated, shown as ********); nothing is"
                + " written\n"
                + "1. resource_types.user.credential_rotation.update.queries[0]\n"
                + "   UPDATE users SET secret = ? WHERE id = ?\n"
                + "   [1] ?<password> = '********' (string, generated password)\n"
                + "   [2] ?<user> = '3' (string)\n");
  }

  @Test
  void createWithNoPassword_generatesNone_andShowsNone() throws Exception {
    String config =
        app.config(
            CONFIG
                .replaceFirst(" *password: password\n", "")
                .replace(", ?<password> FROM users", ", NULL FROM users"));

    CliRun r =
        run(config, create("-f", "login=dan", "--credential", "no_password", "--dry-run"))
            .exits(ExitCode.OK);

    assertThat(r.out())
        .startsWith(
            "dry run: account create user runs 1 statement of "
                + BLOCK
                + ".create in one transaction, after the validate query finds no such account;"
                + " credential: no_password; nothing is written\n")
        .doesNotContain(Password.MASK);
  }

  @Test
  void aVarThatIsNoInputName_isCel_overTheFieldsAsInput() throws Exception {
    String config =
        app.config(
            CONFIG.replace(
                "    mail: mail\n",
                "    mail: \"input.login + '@' + string(size(input.login))\"\n"));

    CliRun r = run(config, create("-f", "login=dan", "--dry-run")).exits(ExitCode.OK);

    assertThat(r.out()).contains("   [2] ?<mail> = 'dan@3' (string)\n");
  }
}
