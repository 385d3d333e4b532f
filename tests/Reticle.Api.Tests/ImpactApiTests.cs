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
