using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary><c>POST /api/v1/whatif</c> (CONTRACT §9): drafts as multipart files; the same report as <c>reticle whatif --json</c>.</summary>
public abstract class WhatIfApiTests(ApiServer server)
{
    private static string Fixture(string name) => Path.Combine(Repository.Root, "tests", "fixtures", "whatif", name);

    private static MultipartFormDataContent Drafts(string yaml, string name = "sg-duv-draft.yaml", params (string Field, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "files", name);
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }
        return form;
    }

    [Fact]
    public async Task A_draft_written_from_the_rule_pack_reference_gives_the_changed_orders_and_value_at_stake_the_command_line_gives()
    {
        // The fixture's orders, each under an id of this test's own.
        var tag = Tag();
        var orders = File.ReadAllLines(Fixture("sg-orders.jsonl")).Select(l => l.Replace("\"SG-", $"\"SG{tag}-", StringComparison.Ordinal));
        (await server.PostJsonAsync("/api/v1/orders", "analyst", $"[{string.Join(",", orders)}]")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var draft = File.ReadAllText(Fixture("sg-duv-draft.yaml"));
        var before = await server.AuditRecordsAsync();

        var response = await server.SendAsync(HttpMethod.Post, "/api/v1/whatif", "analyst", Drafts(draft));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await JsonAsync(response);
        var mine = report["changes"]!.AsArray().Where(c => c!["transaction"]!.GetValue<string>().StartsWith($"SG{tag}-", StringComparison.Ordinal)).ToList();
        mine.Select(c => c!["transaction"]!.GetValue<string>()).ShouldBe([$"SG{tag}-CN-2050I"]);
        mine[0]!["value"]!.ToJsonString().ShouldBe("""{"currency":"USD","amount":70000000}""");
        mine[0]!["because"]![0]!.GetValue<string>().ShouldStartWith("SG: draft rule sg.sgco.duv-immersion (sg.duv-draft) applies");
        report["valueAtStake"]!.AsArray().ShouldContain(v => v!["currency"]!.GetValue<string>() == "USD" && v["amount"]!.GetValue<decimal>() >= 70000000);
        report["drafts"]![0]!["file"]!.GetValue<string>().ShouldBe("sg-duv-draft.yaml");
        (await server.AuditRecordsAsync()).ShouldBe(before + 1);

        // The command line over the same store and draft: the same report but for the audit record of its own run.
        var cli = await server.CliJsonAsync("whatif", "--packs", Fixture("."));
        foreach (var json in new[] { report, cli })
        {
            json.AsObject().Remove("auditRecord");
            json["drafts"]![0]!.AsObject().Remove("file");
        }
        JsonNode.DeepEquals(report, cli).ShouldBeTrue(report.ToJsonString());
    }

    [Fact]
    public async Task A_draft_that_does_not_validate_is_a_400_naming_file_line_column_and_rule_and_nothing_is_recorded()
    {
        var before = await server.AuditRecordsAsync();
        var bad = File.ReadAllText(Fixture("sg-duv-draft.yaml")).Replace("effect: license-required", "effect: licence-needed", StringComparison.Ordinal);

        var problem = await ProblemAsync(await server.SendAsync(HttpMethod.Post, "/api/v1/whatif", "analyst", Drafts(bad, "bad.yaml")), HttpStatusCode.BadRequest);

        Where(problem).ShouldContain(w => w.StartsWith("bad.yaml:", StringComparison.Ordinal));
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("knownAt", "2027-02-30", "form.knownAt")]
    [InlineData("all", "maybe", "form.all")]
    [InlineData("since", "2027-01-01", "form.since")]
    public async Task A_bad_form_field_is_a_400_naming_it(string field, string value, string where)
    {
        var problem = await ProblemAsync(await server.SendAsync(HttpMethod.Post, "/api/v1/whatif", "analyst",
            Drafts(File.ReadAllText(Fixture("sg-duv-draft.yaml")), fields: (field, value))), HttpStatusCode.BadRequest);
        Where(problem).ShouldContain(where);
    }

    [Fact]
    public async Task A_request_without_drafts_is_a_400() =>
        Where(await ProblemAsync(await server.SendAsync(HttpMethod.Post, "/api/v1/whatif", "analyst", new MultipartFormDataContent { { new StringContent("true"), "all" } }),
            HttpStatusCode.BadRequest)).ShouldContain("form.files");
}

public sealed class InProcessWhatIfApiTests(InProcessServer server) : WhatIfApiTests(server), IClassFixture<InProcessServer>;

public sealed class HttpWhatIfApiTests(HttpServer server) : WhatIfApiTests(server), IClassFixture<HttpServer>;
