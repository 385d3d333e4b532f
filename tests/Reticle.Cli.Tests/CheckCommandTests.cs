using System.Text.Json.Nodes;

namespace Reticle.Cli.Tests;

/// <summary><c>reticle check</c> through its real entry point, on SQLite.</summary>
public sealed class CheckCommandTests
{
    private const string Sample = "nxt2050i-to-smic-beijing-2023-09-15.json";

    [Fact]
    public async Task Checking_a_sample_prints_the_outcome_per_jurisdiction_with_reasons_and_citations()
    {
        var result = await new CliRun().RunAsync("check", Repository.Sample(Sample));
        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("SO-2023-0915  on 2023-09-15: LICENSE-REQUIRED");
        result.Out.ShouldContain("NL: license-required");
        result.Out.ShouldContain("DCO 1.1 nm <= 1.50 nm");
        result.Out.ShouldContain("citation: Regeling geavanceerde productieapparatuur voor halfgeleiders, art. 2 and annex 3B001.f.4 (Stcrt. 2023, 18212)");
        result.Out.ShouldContain("recorded as audit record");
    }

    [Fact]
    public async Task Json_output_has_the_contract_shape()
    {
        var json = (await new CliRun().RunAsync("check", Repository.Sample(Sample), "--json")).Json.AsObject();
        json["transaction"]!.GetValue<string>().ShouldBe("SO-2023-0915");
        json["asOf"]!.GetValue<string>().ShouldBe("2023-09-15");
        json["outcome"]!.GetValue<string>().ShouldBe("license-required");
        var nl = json["jurisdictions"]!.AsArray().Single(j => j!["jurisdiction"]!.GetValue<string>() == "NL")!;
        nl["outcome"]!.GetValue<string>().ShouldBe("license-required");
        nl["classifications"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["NL-SME-2023 3B001.f.4"]);
        var finding = nl["findings"]!.AsArray()[0]!;
        finding["rule"]!.GetValue<string>().ShouldBe("nl.sme.duv-lithography");
        finding["effect"]!.GetValue<string>().ShouldBe("license-required");
        finding["citation"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        finding["because"]!.GetValue<string>().ShouldContain("MRF 35.74 nm");
        nl.AsObject().ContainsKey("license").ShouldBeTrue();
        json["screening"].ShouldBeOfType<JsonArray>();
        json["ruleVersions"]!["NL"]!.GetValue<string>().ShouldBe("nl.sme-2023@2023-09-01");
        json["listVersions"].ShouldBeOfType<JsonObject>();
    }

    [Fact]
    public async Task As_of_overrides_the_transaction_date()
    {
        var json = (await new CliRun().RunAsync("check", Repository.Sample(Sample), "--as-of", "2023-08-31", "--json")).Json;
        json["asOf"]!.GetValue<string>().ShouldBe("2023-08-31");
        json["outcome"]!.GetValue<string>().ShouldBe("permitted");
    }

    [Fact]
    public async Task Known_at_uses_only_rules_published_by_then()
    {
        var json = (await new CliRun().RunAsync("check", Repository.Sample(Sample), "--known-at", "2023-06-01", "--json")).Json;
        json["knownAt"]!.GetValue<string>().ShouldBe("2023-06-01");
        json["jurisdictions"]!.AsArray().ShouldNotContain(j => j!["jurisdiction"]!.GetValue<string>() == "NL");
    }

    [Fact]
    public async Task Many_transactions_from_standard_input_give_an_array()
    {
        var one = File.ReadAllText(Repository.Sample(Sample));
        var two = one.Replace("SO-2023-0915", "SO-2023-0916", StringComparison.Ordinal);
        var result = await new CliRun().RunWithInputAsync($"[{one},{two}]", "check", "-", "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Json.AsArray().Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("\"to\": \"CN\"", "\"to\": \"XX\"", "<stdin>.to: unknown country code 'XX'")]
    [InlineData("\"date\": \"2023-09-15\"", "\"date\": \"2023-13-01\"", "<stdin>.date: '2023-13-01' is not a valid date")]
    [InlineData("\"quantity\": 1", "\"quantity\": 0", "<stdin>.quantity: quantity must be greater than zero")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"XYZ\"", "<stdin>.value.currency: unknown currency 'XYZ'")]
    [InlineData("\"role\": \"end-user\"", "\"role\": \"buyer\"", "<stdin>.parties[0].role: unknown role 'buyer'")]
    [InlineData("\"activity\": \"export\"", "\"activity\": \"exporting\"", "<stdin>.activity: unknown activity 'exporting'")]
    [InlineData("\"id\": \"SO-2023-0915\",", "", "<stdin>.id: missing required field")]
    [InlineData("\"from\": \"NL\",", "\"from\": \"NL\"", "<stdin>:6:3: malformed JSON")]
    public async Task Bad_input_is_rejected_with_exit_1_naming_the_field_and_nothing_is_stored(string valid, string bad, string message)
    {
        var run = new CliRun();
        var before = await run.RunAsync("audit", "verify", "--json");
        var text = File.ReadAllText(Repository.Sample(Sample)).Replace(valid, bad, StringComparison.Ordinal);
        var result = await run.RunWithInputAsync(text, "check", "-");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(message);
        result.Error.ShouldContain("nothing was stored");
        result.Out.ShouldBeEmpty();
        var after = await run.RunAsync("audit", "verify", "--json");
        after.Json["recordsVerified"]!.GetValue<long>().ShouldBe(before.Json["recordsVerified"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_missing_file_is_rejected_with_exit_1()
    {
        var result = await new CliRun().RunAsync("check", "/no/such/file.json");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("/no/such/file.json: cannot read the file");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "x.json", "--as-of", "2023-02-30")]
    [InlineData("check", "x.json", "--frobnicate")]
    [InlineData("frobnicate")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        var result = await new CliRun().RunAsync(args);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_impossible_as_of_date_is_named()
    {
        var result = await new CliRun().RunAsync("check", "x.json", "--as-of", "2023-02-30");
        result.Error.ShouldContain("--as-of: '2023-02-30' is not a valid date");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("packs")]
    [InlineData("packs", "validate")]
    [InlineData("audit")]
    [InlineData("audit", "verify")]
    public async Task Every_command_has_help(params string[] command)
    {
        var result = await new CliRun().RunAsync([.. command, "--help"]);
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("Usage:");
    }
}
