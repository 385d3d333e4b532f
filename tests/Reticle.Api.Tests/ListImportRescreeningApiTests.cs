using System.Net;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary>
/// <c>POST /api/v1/lists/imports</c> submits the re-screening of the open orders' parties, as <c>reticle lists import</c> does
/// (one code decides for both), and names the job in its answer (<c>rescreeningJob</c>). A fixture of its own: the imports
/// replace the consolidated list that other tests screen against.
/// </summary>
public sealed class ListImportRescreeningApiTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private static string Consolidated(string name, string date) => $$"""
        {"search_performed_at": "{{date}}T09:00:00+00:00", "total": 1, "results": [
          {"id": "qarmin-1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "{{name}}", "alt_names": [],
           "addresses": [{"country": "CN"}], "federal_register_notice": "91 FR 10001",
           "license_requirement": "For all items subject to the EAR. (See §744.11 of the EAR)", "license_policy": "Policy of denial."}]}
        """;

    private async Task<JsonNode> ImportAsync(string json)
    {
        var response = await server.SendAsync(HttpMethod.Post, "/api/v1/lists/imports?format=csl-json&name=consolidated.json", "admin", new StringContent(json));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsArray().Single()!;
    }

    private async Task<JsonNode> EndedAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var job = await server.GetJsonAsync($"/api/v1/jobs/{id}");
            if (job["status"]!.GetValue<string>() is "completed" or "failed" or "cancelled")
            {
                return job;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"job {id} did not end in time");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_list_import_through_the_API_rescreens_the_open_orders_names_the_job_and_holds_the_orders_that_now_hit()
    {
        var tag = Tag();
        var listed = $"Qarmin Precision Trading {tag}";

        // No order is open yet: the import is stored, and no re-screening follows.
        var first = await ImportAsync(Consolidated($"Unrelated Holdings {tag}", "2026-08-14"));
        first["imported"]!.GetValue<bool>().ShouldBeTrue();
        first.AsObject().ContainsKey("rescreeningJob").ShouldBeTrue();
        first["rescreeningJob"].ShouldBeNull();

        (await server.PostJsonAsync("/api/v1/orders", "analyst", $"{Order($"SO-HIT-{tag}", "2024-02-01", listed)}\n{Order($"SO-CLEAN-{tag}", "2024-02-01", Party(tag))}\n"))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await ImportAsync(Consolidated(listed, "2026-08-15"));

        var id = second["rescreeningJob"]!.GetValue<string>();
        var job = await EndedAsync(id);
        (job["kind"]!.GetValue<string>(), job["status"]!.GetValue<string>(), job["total"]!.GetValue<long>()).ShouldBe(("rescreening", "completed", 2L));
        var holds = (await server.GetJsonAsync("/api/v1/holds")).AsArray();
        var hold = holds.ShouldHaveSingleItem()!;
        (hold["order"]!.GetValue<string>(), hold["requestedBy"]!.GetValue<string>()).ShouldBe(($"SO-HIT-{tag}", "api:admin"));

        // The same files again change nothing: no job, and the answer carries no job for an import that was not stored.
        var again = await ImportAsync(Consolidated(listed, "2026-08-15"));
        again["imported"]!.GetValue<bool>().ShouldBeFalse();
        again.AsObject().ContainsKey("rescreeningJob").ShouldBeFalse();
        (await server.GetJsonAsync("/api/v1/jobs")).AsArray().Count.ShouldBe(1);

        // The command line decides the same way and says so in its --json.
        var file = Path.Combine(Path.GetTempPath(), $"consolidated-{tag}.json");
        await File.WriteAllTextAsync(file, Consolidated(listed, "2026-08-16"));
        var (code, output, error) = await server.RunCliAsync("lists", "import", file, "--format", "csl-json", "--json");
        code.ShouldBe(0, error);
        var cliJob = JsonNode.Parse(output)!.AsArray().Single()!["rescreeningJob"]!.GetValue<string>();
        (await EndedAsync(cliJob))["kind"]!.GetValue<string>().ShouldBe("rescreening");
        (await server.AuditRecordsAsync()).ShouldBeGreaterThan(0);
    }
}
