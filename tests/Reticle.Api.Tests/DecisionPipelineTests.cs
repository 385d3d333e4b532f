using System.Net;
using System.Text.Json.Nodes;

namespace Reticle.Api.Tests;

/// <summary>One decision pipeline: the command line and the API decide and store a transaction alike.</summary>
public sealed class DecisionPipelineTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    [Fact]
    public async Task The_same_transaction_decided_through_the_command_line_and_the_API_is_stored_as_byte_identical_text()
    {
        var transaction = JsonNode.Parse(await File.ReadAllTextAsync(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json")))!.AsObject();
        var id = $"PIPE-{Guid.NewGuid():N}";
        transaction["id"] = id;
        var text = transaction.ToJsonString();
        var file = Path.Combine(Directory.CreateTempSubdirectory("reticle-pipeline-").FullName, "transaction.json");
        await File.WriteAllTextAsync(file, text);

        var (code, _, error) = await server.RunCliAsync("check", file);
        code.ShouldBe(0, error);
        var response = await server.PostJsonAsync("/api/v1/determinations", "analyst", text);
        var answered = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, answered);

        var stored = await server.Store.GetDeterminationsAsync(id);
        stored.Count.ShouldBe(2);
        stored[0].ResultJson.ShouldBe(stored[1].ResultJson);
        stored[1].ResultJson.ShouldBe(answered);
        stored[0].InputJson.ShouldBe(stored[1].InputJson);
        // Screened: the lists the parties were screened against are stamped on both.
        JsonNode.Parse(answered)!["listVersions"]!.AsObject().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_command_lines_json_is_the_stored_text_itself()
    {
        var transaction = JsonNode.Parse(await File.ReadAllTextAsync(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json")))!.AsObject();
        var id = $"PIPE-{Guid.NewGuid():N}";
        transaction["id"] = id;
        var file = Path.Combine(Directory.CreateTempSubdirectory("reticle-pipeline-").FullName, "transaction.json");
        await File.WriteAllTextAsync(file, transaction.ToJsonString());

        var (code, output, error) = await server.RunCliAsync("check", file, "--json");
        code.ShouldBe(0, error);
        (await server.Store.GetDeterminationsAsync(id)).Single().ResultJson.ShouldBe(output.TrimEnd('\n'));
    }
}
