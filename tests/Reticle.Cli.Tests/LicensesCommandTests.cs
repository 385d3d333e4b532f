using System.Text.Json.Nodes;
using static Reticle.Cli.Tests.LicenseFixtures;

namespace Reticle.Cli.Tests;

/// <summary><c>reticle licenses</c> and licences inside <c>check</c>, through the real entry point on SQLite.</summary>
public sealed class LicensesCommandTests
{
    private static string Nl(JsonNode determination) =>
        determination["jurisdictions"]!.AsArray().Single(j => j!["jurisdiction"]!.GetValue<string>() == "NL")!["outcome"]!.GetValue<string>();

    [Fact]
    public async Task An_added_licence_is_listed_with_status_validity_and_remaining_balance()
    {
        var run = new CliRun();
        var added = await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson));
        added.ExitCode.ShouldBe(0, added.Error);
        added.Out.ShouldContain("recorded licence NL-2023-0042");

        var listed = (await run.RunAsync("licenses", "--json")).Json.AsArray();
        var licence = listed.Single()!;
        licence["id"]!.GetValue<string>().ShouldBe(Id);
        licence["jurisdiction"]!.GetValue<string>().ShouldBe("NL");
        licence["holder"]!.GetValue<string>().ShouldBe("ASML Netherlands B.V.");
        licence["status"]!.GetValue<string>().ShouldBe("expired"); // the test clock says 2026-11-25
        licence["validUntil"]!.GetValue<string>().ShouldBe("2024-12-31");
        licence["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(3);
        licence["lines"]![1]!["remainingValue"]!["amount"]!.GetValue<decimal>().ShouldBe(150_000_000);

        var table = await run.RunAsync("licenses");
        table.ExitCode.ShouldBe(0, table.Error);
        table.Out.ShouldContain("NL-2023-0042");
    }

    [Fact]
    public async Task A_licence_with_an_id_already_on_record_is_rejected_and_nothing_is_stored()
    {
        var run = new CliRun();
        var file = Write(run, "licence.json", LicenseJson);
        (await run.RunAsync("licenses", "add", file)).ExitCode.ShouldBe(0);
        var again = await run.RunAsync("licenses", "add", file);
        again.ExitCode.ShouldBe(1);
        again.Error.ShouldContain("licence.json.id: licence NL-2023-0042 is already recorded");
        (await run.RunAsync("licenses", "show", Id, "--json")).Json["events"]!.AsArray().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("\"validUntil\": \"2024-12-31\"", "\"validUntil\": \"2023-01-01\"", "licence.json.validUntil")]
    [InlineData("\"quantity\": 3", "\"quantity\": 0", "licence.json.lines[0].quantity")]
    [InlineData("\"currency\": \"EUR\" } },", "\"currency\": \"XYZ\" } },", "licence.json.lines[0].value.currency")]
    [InlineData("\"holder\"", "\"owner\"", "licence.json.owner")]
    public async Task Bad_licences_are_rejected_naming_file_and_field_and_nothing_is_stored(string valid, string bad, string where)
    {
        var run = new CliRun();
        var result = await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson.Replace(valid, bad, StringComparison.Ordinal)));
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(where);
        (await run.RunAsync("licenses", "--json")).Json.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoking_an_unknown_licence_or_line_is_rejected()
    {
        var run = new CliRun();
        (await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson))).ExitCode.ShouldBe(0);
        var unknown = await run.RunAsync("licenses", "revoke", "NL-9999", "--effective", "2024-01-01");
        unknown.ExitCode.ShouldBe(1);
        unknown.Error.ShouldContain("NL-9999");
        var line = await run.RunAsync("licenses", "revoke", Id, "--effective", "2024-01-01", "--line", "7");
        line.ExitCode.ShouldBe(1);
        line.Error.ShouldContain("--line: NL-2023-0042 has no line 7");
        (await run.RunAsync("licenses", "revoke", Id)).ExitCode.ShouldBe(2);
        (await run.RunAsync("licenses", "show", Id, "--json")).Json["events"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Show_gives_terms_events_and_balance_per_line()
    {
        var run = new CliRun();
        await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson));
        await run.RunAsync("licenses", "revoke", Id, "--effective", "2024-01-01", "--line", "1", "--reason", "partial revocation");

        var json = (await run.RunAsync("licenses", "show", Id, "--json")).Json;
        json["terms"]!["holder"]!.GetValue<string>().ShouldBe("ASML Netherlands B.V.");
        json["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued", "revoked"]);
        json["events"]![1]!["announced"]!.GetValue<string>().ShouldBe("2026-11-25"); // default: today by the clock
        json["lines"]![0]!["revoked"]!.GetValue<string>().ShouldContain("revoked from 2024-01-01");

        var text = await run.RunAsync("licenses", "show", Id);
        text.ExitCode.ShouldBe(0, text.Error);
        text.Out.ShouldContain("line 1: sku NXT:2050i");
        text.Out.ShouldContain("remaining: 3 left, 195000000 EUR left");
        (await run.RunAsync("licenses", "show", "NL-9999")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_partial_revocation_ends_cover_for_shipments_from_its_effective_date_and_known_at_sees_the_past()
    {
        var run = new CliRun();
        await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson));
        var december = Write(run, "dec.json", Shipment("SO-DEC", "2023-12-15"));
        var january = Write(run, "jan.json", Shipment("SO-JAN", "2024-01-02"));

        var licensed = await run.RunAsync("check", december);
        licensed.ExitCode.ShouldBe(0, licensed.Error);
        licensed.Out.ShouldContain("NL: licensed");
        licensed.Out.ShouldContain("licensed under NL-2023-0042 line 1 (left after this use: quantity 2, 130000000 EUR)");

        var revoked = await run.RunAsync("licenses", "revoke", Id, "--effective", "2024-01-01", "--announced", "2024-01-01", "--line", "1", "--reason", "partial revocation");
        revoked.ExitCode.ShouldBe(0, revoked.Error);

        Nl((await run.RunAsync("check", december, "--json")).Json).ShouldBe("licensed");
        var after = await run.RunAsync("check", january);
        after.Out.ShouldContain("NL: license-required");
        after.Out.ShouldContain("licence considered — NL-2023-0042 line 1: revoked from 2024-01-01 (announced 2024-01-01): partial revocation");
        var json = (await run.RunAsync("check", january, "--json")).Json;
        Nl(json).ShouldBe("license-required");
        json["outcome"]!.GetValue<string>().ShouldBe("license-required");

        // As known before the revocation was announced, the same shipment still looked licensed.
        Nl((await run.RunAsync("check", january, "--known-at", "2023-12-15", "--json")).Json).ShouldBe("licensed");
        // As known before the licence was issued, nothing covered it.
        Nl((await run.RunAsync("check", december, "--known-at", "2023-09-07", "--json")).Json).ShouldBe("license-required");
    }
}
