using System.Net;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary><c>/api/v1/licenses</c>: the same JSON as <c>reticle licenses --json</c>, all-or-nothing writes, revocations, bad input.</summary>
public abstract class LicensesApiTests(ApiServer server)
{
    private async Task<(string Id, string Party)> AddLicenseAsync()
    {
        var tag = Tag();
        var (id, party) = ($"NL-{tag}", Party(tag));
        await CreatedAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", License(id, party)));
        return (id, party);
    }

    [Fact]
    public async Task A_posted_license_is_recorded_under_the_keys_name_and_listed_and_shown_as_the_command_line_does()
    {
        var tag = Tag();
        var response = await server.PostJsonAsync("/api/v1/licenses", "reviewer", License($"NL-{tag}", Party(tag)));
        var added = (await CreatedAsync(response)).AsArray().ShouldHaveSingleItem()!;
        added["id"]!.GetValue<string>().ShouldBe($"NL-{tag}");
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/licenses/NL-{tag}");
        var record = (await server.Store.ReadAuditPageAsync(added["auditSequence"]!.GetValue<long>() - 1, 1)).Single();
        (record.Kind, record.Actor).ShouldBe(("license.event", "api:reviewer"));

        var listed = await server.GetJsonAsync("/api/v1/licenses");
        JsonNode.DeepEquals(listed, await server.CliJsonAsync("licenses")).ShouldBeTrue(listed.ToJsonString());
        var shown = await server.GetJsonAsync($"/api/v1/licenses/NL-{tag}");
        JsonNode.DeepEquals(shown, await server.CliJsonAsync("licenses", "show", $"NL-{tag}")).ShouldBeTrue(shown.ToJsonString());
        shown["status"]!.GetValue<string>().ShouldBe("expired"); // valid until 2024-12-31; today is 2026-11-25
        shown["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(3);
        shown["terms"]!["parties"]![0]!["name"]!.GetValue<string>().ShouldBe(Party(tag));
        shown["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued"]);
    }

    [Fact]
    public async Task Licenses_come_as_an_array_or_wrapped_and_one_bad_licence_records_none()
    {
        var (a, b, c) = (Tag(), Tag(), Tag());
        var before = await server.AuditRecordsAsync();
        var bad = License($"NL-{b}", Party(b)).Replace("\"validUntil\": \"2024-12-31\"", "\"validUntil\": \"2023-02-30\"", StringComparison.Ordinal);
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", $$"""{"licenses": [{{License($"NL-{a}", Party(a))}}, {{bad}}]}"""),
            HttpStatusCode.BadRequest);
        Where(problem).ShouldBe(["body.licenses[1].validUntil"]);
        problem["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("2023-02-30");
        (await server.AuditRecordsAsync()).ShouldBe(before);
        await ProblemAsync(await server.SendAsync(HttpMethod.Get, $"/api/v1/licenses/NL-{a}", "viewer"), HttpStatusCode.NotFound);

        var wrapped = await CreatedAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", $$"""{"licenses": [{{License($"NL-{a}", Party(a))}}, {{License($"NL-{b}", Party(b))}}]}"""));
        wrapped.AsArray().Select(l => l!["id"]!.GetValue<string>()).ShouldBe([$"NL-{a}", $"NL-{b}"]);
        var array = await CreatedAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", $"[{License($"NL-{c}", Party(c))}]"));
        array.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe($"NL-{c}");
        (await server.AuditRecordsAsync()).ShouldBe(before + 3);
    }

    [Fact]
    public async Task A_duplicate_license_id_is_a_409_naming_the_id_and_nothing_is_stored()
    {
        var (id, party) = await AddLicenseAsync();
        var other = Tag();
        var before = await server.AuditRecordsAsync();
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", $"[{License($"NL-{other}", Party(other))}, {License(id, party)}]"),
            HttpStatusCode.Conflict);
        Where(problem).ShouldBe(["body[1].id"]);
        problem["detail"]!.GetValue<string>().ShouldContain(id);
        (await server.AuditRecordsAsync()).ShouldBe(before);
        await ProblemAsync(await server.SendAsync(HttpMethod.Get, $"/api/v1/licenses/NL-{other}", "viewer"), HttpStatusCode.NotFound);

        var twice = await ProblemAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", $"[{License($"NL-{other}", Party(other))}, {License($"NL-{other}", Party(other))}]"),
            HttpStatusCode.BadRequest);
        Where(twice).ShouldBe(["body[1].id"]);
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("\"holder\": \"ASML Netherlands B.V.\",", "\"holder\": \"ASML Netherlands B.V.\"", "body:2:")]
    [InlineData("\"validUntil\"", "\"validUntill\"", "body.validUntill")]
    [InlineData("\"validFrom\": \"2023-09-10\"", "\"validFrom\": \"2023-13-10\"", "body.validFrom")]
    [InlineData("\"destinations\": [\"CN\"]", "\"destinations\": [\"XX\"]", "body.destinations[0]")]
    [InlineData("\"quantity\": 3", "\"quantity\": -3", "body.lines[0].quantity")]
    public async Task A_bad_license_is_a_400_problem_naming_the_field_and_nothing_is_stored(string valid, string invalid, string where)
    {
        var tag = Tag();
        var before = await server.AuditRecordsAsync();
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", License($"NL-{tag}", Party(tag)).Replace(valid, invalid, StringComparison.Ordinal)),
            HttpStatusCode.BadRequest);
        Where(problem).ShouldContain(w => w.StartsWith(where, StringComparison.Ordinal));
        (await server.AuditRecordsAsync()).ShouldBe(before);
        await ProblemAsync(await server.SendAsync(HttpMethod.Get, $"/api/v1/licenses/NL-{tag}", "viewer"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_license_body_is_a_413_problem_and_nothing_is_stored()
    {
        var before = await server.AuditRecordsAsync();
        var huge = License("NL-HUGE", Party("HUGE")).Replace("ASML Netherlands B.V.", new string('x', 9 * 1024 * 1024), StringComparison.Ordinal);
        await ProblemAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", huge), HttpStatusCode.RequestEntityTooLarge);
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_license_is_a_404_problem_for_reading_and_revoking()
    {
        var shown = await ProblemAsync(await server.SendAsync(HttpMethod.Get, "/api/v1/licenses/NL-NOWHERE", "viewer"), HttpStatusCode.NotFound);
        shown["detail"]!.GetValue<string>().ShouldContain("NL-NOWHERE");
        var before = await server.AuditRecordsAsync();
        await ProblemAsync(await server.PostJsonAsync("/api/v1/licenses/NL-NOWHERE/revocations", "reviewer", """{"effective": "2024-01-01"}"""), HttpStatusCode.NotFound);
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Revoked_license_no_longer_covers_shipments()
    {
        var tag = Tag();
        var (id, party) = ($"NL-{tag}", Party(tag));
        await CreatedAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", LicensesOnShippingDay(id, party)));
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", $"[{Order($"SO-DEC-{tag}", "2023-12-15", party)}, {Order($"SO-JAN-{tag}", "2024-01-02", party)}]"));

        var shipped = await JsonAsync(await server.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-DEC-{tag}/shipments", "analyst"));
        (shipped["shipped"]!.GetValue<bool>(), shipped["outcome"]!.GetValue<string>()).ShouldBe((true, "licensed"), shipped.ToJsonString());
        // On 2026-11-25 the EU licence is the one needed: from 2025-11-15 the Dutch list yields to Annex I (Art. 9(1)).
        var eu = $"{id}-EU";
        shipped["consumed"]!.AsArray().Select(c => c!["license"]!.GetValue<string>()).ShouldBe([eu]);

        var revocation = await CreatedAsync(await server.PostJsonAsync($"/api/v1/licenses/{eu}/revocations", "reviewer",
            """{"effective": "2026-11-25", "announced": "2026-11-25", "lines": [1], "reason": "partial revocation"}"""));
        (revocation["type"]!.GetValue<string>(), revocation["license"]!.GetValue<string>(), revocation["effective"]!.GetValue<string>()).ShouldBe(("revoked", eu, "2026-11-25"));
        revocation["scope"]!["lines"]![0]!.GetValue<int>().ShouldBe(1);

        var refused = await JsonAsync(await server.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-JAN-{tag}/shipments", "analyst"));
        (refused["shipped"]!.GetValue<bool>(), refused["outcome"]!.GetValue<string>()).ShouldBe((false, "license-required"), refused.ToJsonString());
        refused["hold"]!.GetValue<long>().ShouldBeGreaterThan(0);
        var shown = await server.GetJsonAsync($"/api/v1/licenses/{eu}");
        shown["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(2);
        shown["lines"]![0]!["revoked"]!.GetValue<string>().ShouldContain("2026-11-25");
        shown["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued", "consumed", "revoked"]);
    }

    [Fact]
    public async Task A_revocation_without_an_announcement_date_is_announced_today_and_revokes_the_whole_licence()
    {
        var (id, _) = await AddLicenseAsync();
        var revocation = await CreatedAsync(await server.PostJsonAsync($"/api/v1/licenses/{id}/revocations", "reviewer", """{"effective": "2024-06-01"}"""));
        revocation["announced"]!.GetValue<string>().ShouldBe("2026-11-25");
        revocation["scope"]!["whole"]!.GetValue<bool>().ShouldBeTrue();
        (await server.GetJsonAsync($"/api/v1/licenses/{id}"))["status"]!.GetValue<string>().ShouldBe("revoked");
    }

    [Fact]
    public async Task An_oversized_revocation_is_a_413_problem_and_nothing_is_stored()
    {
        var (id, _) = await AddLicenseAsync();
        var before = await server.AuditRecordsAsync();
        var huge = $$"""{"effective": "2024-01-01", "reason": "{{new string('r', 70 * 1024)}}"}""";
        await ProblemAsync(await server.PostJsonAsync($"/api/v1/licenses/{id}/revocations", "reviewer", huge), HttpStatusCode.RequestEntityTooLarge);
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"effective": "2024-02-30"}""", "body.effective")]
    [InlineData("""{"announced": "2024-01-01"}""", "body.effective")]
    [InlineData("""{"effective": "2024-01-01", "lines": [7]}""", "body.lines[0]")]
    [InlineData("""{"effective": "2024-01-01", "lines": [1], "party": "X"}""", "body.party")]
    [InlineData("""{"effective": "2024-01-01", "colour": "red"}""", "body.colour")]
    [InlineData("""{"effective": "2024-01-01", "license": "NL-OTHER"}""", "body.license")]
    [InlineData("""{"effective": "2024-01-01",""", "body:1:")]
    [InlineData("""["2024-01-01"]""", "body")]
    public async Task A_bad_revocation_is_a_400_problem_naming_the_field_and_nothing_is_stored(string body, string where)
    {
        var (id, _) = await AddLicenseAsync();
        var before = await server.AuditRecordsAsync();
        var problem = await ProblemAsync(await server.PostJsonAsync($"/api/v1/licenses/{id}/revocations", "reviewer", body), HttpStatusCode.BadRequest);
        Where(problem).ShouldContain(w => w.StartsWith(where, StringComparison.Ordinal));
        (await server.AuditRecordsAsync()).ShouldBe(before);
        (await server.GetJsonAsync($"/api/v1/licenses/{id}"))["events"]!.AsArray().Count.ShouldBe(1);
    }
}

public sealed class InProcessLicensesApiTests(InProcessServer server) : LicensesApiTests(server), IClassFixture<InProcessServer>;

public sealed class HttpLicensesApiTests(HttpServer server) : LicensesApiTests(server), IClassFixture<HttpServer>;
