using System.Net;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary><c>POST /api/v1/impact</c>: the CONTRACT §6 report, the same JSON as <c>reticle impact --json</c>.</summary>
public abstract class ImpactApiTests(ApiServer server)
{
    [Fact]
    public async Task Impact_of_a_partial_revocation_names_the_orders_it_hits_as_the_command_line_does()
    {
        var tag = Tag();
        await CreatedAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", License($"NL-{tag}", Party(tag))));
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", $"[{Order($"SO-DEC-{tag}", "2023-12-15", Party(tag))}, {Order($"SO-JAN-{tag}", "2024-01-02", Party(tag))}]"));
        await CreatedAsync(await server.PostJsonAsync($"/api/v1/licenses/NL-{tag}/revocations", "reviewer", """{"effective": "2024-01-01", "announced": "2024-01-01", "lines": [1]}"""));

        var response = await server.PostJsonAsync("/api/v1/impact", "analyst", """{"knownAt": "2023-12-01", "vs": "2024-01-02"}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await JsonAsync(response);
        (report["knownAt"]!.GetValue<string>(), report["vs"]!.GetValue<string>()).ShouldBe(("2023-12-01", "2024-01-02"));
        var change = report["changes"]!.AsArray().Single(c => c!["transaction"]!.GetValue<string>().EndsWith(tag, StringComparison.Ordinal))!;
        change["transaction"]!.GetValue<string>().ShouldBe($"SO-JAN-{tag}");
        (change["before"]!["outcome"]!.GetValue<string>(), change["after"]!["outcome"]!.GetValue<string>()).ShouldBe(("licensed", "license-required"));
        change["because"]!.AsArray().ShouldContain(b => b!.GetValue<string>().Contains($"NL-{tag}", StringComparison.Ordinal));

        var cli = await server.CliJsonAsync("impact", "--known-at", "2023-12-01", "--vs", "2024-01-02");
        JsonNode.DeepEquals(report, cli).ShouldBeTrue(report.ToJsonString());
    }

    [Fact]
    public async Task Impact_lists_only_material_changes_and_totals_the_value_at_stake_unless_all_is_asked_for()
    {
        var tag = Tag();
        // Japan's 2023 rules (published 2023-05-23) come into view: the scanner to China needs a licence; the i-line stepper
        // to the US is merely reached (JP: not-applicable → permitted).
        var scanner = $$"""
            {"id":"JP-CN-{{tag}}","date":"2024-01-10","activity":"export","from":"JP","to":"CN",
             "item":{"sku":"NSR-S636E","origin":"JP","parameters":{"dedicatedChuckOverlayNm":1.5},"usControlledContentPercent":5,"containsUsOriginIc":false,
                     "producedByUsTechnologyPlant":false,"containsUsTechnologyPlantProduct":false},
             "quantity":1,"value":{"amount":5000000000,"currency":"JPY"},
             "parties":[{"role":"end-user","name":"{{Party(tag)}}","country":"CN","headquarters":"CN"},
                        {"role":"exporter","name":"Nikon Corporation","country":"JP","headquarters":"JP"}],
             "endUse":{"advancedNodeFacility":"no","militaryEndUse":"no"},"personnel":[{"name":"clerk","usPerson":false}]}
            """;
        var stepper = scanner.Replace($"JP-CN-{tag}", $"JP-ILINE-{tag}", StringComparison.Ordinal).Replace("\"to\":\"CN\"", "\"to\":\"US\"", StringComparison.Ordinal)
            .Replace("\"sku\":\"NSR-S636E\",", "\"description\":\"i-line stepper\",", StringComparison.Ordinal)
            .Replace("{\"dedicatedChuckOverlayNm\":1.5}", "{\"kind\":\"lithography\",\"wavelengthNm\":365,\"numericalAperture\":0.65}", StringComparison.Ordinal)
            .Replace("\"country\":\"CN\",\"headquarters\":\"CN\"", "\"country\":\"US\",\"headquarters\":\"US\"", StringComparison.Ordinal);
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", $"[{scanner}, {stepper}]"));

        var material = await JsonAsync(await server.PostJsonAsync("/api/v1/impact", "analyst", """{"knownAt": "2023-05-01", "vs": "2023-06-01"}"""));
        Mine(material, tag).Select(c => c["transaction"]!.GetValue<string>()).ShouldBe([$"JP-CN-{tag}"]);
        material["valueAtStake"]!.AsArray().ShouldContain(v => v!["currency"]!.GetValue<string>() == "JPY" && v["amount"]!.GetValue<decimal>() >= 5000000000);
        material["immaterial"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);

        var all = await JsonAsync(await server.PostJsonAsync("/api/v1/impact", "analyst", """{"knownAt": "2023-05-01", "vs": "2023-06-01", "all": true}"""));
        Mine(all, tag).Select(c => (c["transaction"]!.GetValue<string>(), c["material"]!.GetValue<bool>()))
            .ShouldBe([($"JP-CN-{tag}", true), ($"JP-ILINE-{tag}", false)]);
        JsonNode.DeepEquals(all, await server.CliJsonAsync("impact", "--known-at", "2023-05-01", "--vs", "2023-06-01", "--all")).ShouldBeTrue();
    }

    private static List<JsonNode> Mine(JsonNode report, string tag) =>
        [.. report["changes"]!.AsArray().Where(c => c!["transaction"]!.GetValue<string>().EndsWith(tag, StringComparison.Ordinal)).Select(c => c!)];

    [Fact]
    public async Task Impact_compares_with_today_when_vs_is_left_out()
    {
        var report = await JsonAsync(await server.PostJsonAsync("/api/v1/impact", "analyst", """{"knownAt": "2026-11-25"}"""));
        report["vs"]!.GetValue<string>().ShouldBe("2026-11-25");
        report["changes"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"knownAt": "2023-02-30", "vs": "2024-01-02"}""", "body.knownAt")]
    [InlineData("""{"knownAt": "2023-12-01", "vs": "2024-13-01"}""", "body.vs")]
    [InlineData("""{"vs": "2024-01-02"}""", "body.knownAt")]
    [InlineData("""{"knownAt": "2023-12-01", "since": "2024-01-02"}""", "body.since")]
    [InlineData("""{"knownAt": 20231201}""", "body.knownAt")]
    [InlineData("""{"knownAt": """, "body:1:")]
    public async Task A_bad_impact_request_is_a_400_problem_naming_the_field(string body, string where)
    {
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/impact", "analyst", body), HttpStatusCode.BadRequest);
        Where(problem).ShouldContain(w => w.StartsWith(where, StringComparison.Ordinal));
    }
}

public sealed class InProcessImpactApiTests(InProcessServer server) : ImpactApiTests(server), IClassFixture<InProcessServer>;

public sealed class HttpImpactApiTests(HttpServer server) : ImpactApiTests(server), IClassFixture<HttpServer>;
