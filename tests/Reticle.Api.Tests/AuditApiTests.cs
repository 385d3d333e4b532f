using System.Net;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary><c>GET /api/v1/audit</c>: the chain, oldest first, a page at a time, each record with what a reader needs to check it.</summary>
public abstract class AuditApiTests(ApiServer server)
{
    [Fact]
    public async Task The_audit_log_is_read_oldest_first_in_pages_that_chain_on()
    {
        var first = await server.GetJsonAsync("/api/v1/audit?limit=2");
        var records = first["records"]!.AsArray();
        records.Select(r => r!["sequence"]!.GetValue<long>()).ShouldBe([1L, 2L]);
        first["next"]!.GetValue<long>().ShouldBe(2);
        records[1]!["previousHash"]!.GetValue<string>().ShouldBe(records[0]!["hash"]!.GetValue<string>());
        records[0]!["payload"].ShouldBeOfType<JsonObject>();
        records[0]!["at"]!.GetValue<string>().ShouldEndWith("Z");

        var second = await server.GetJsonAsync("/api/v1/audit?after=2&limit=2");
        second["records"]![0]!["sequence"]!.GetValue<long>().ShouldBe(3);
        second["records"]![0]!["previousHash"]!.GetValue<string>().ShouldBe(records[1]!["hash"]!.GetValue<string>());

        var total = await server.AuditRecordsAsync();
        var last = await server.GetJsonAsync($"/api/v1/audit?after={total - 1}");
        last["records"]!.AsArray().Single()!["sequence"]!.GetValue<long>().ShouldBe(total);
        last["next"].ShouldBeNull();
    }

    [Fact]
    public async Task A_write_through_the_api_is_an_audit_record_naming_the_key_the_action_and_the_subject()
    {
        var tag = Tag();
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", Order($"SO-{tag}", "2024-01-02", Party(tag))));
        var total = await server.AuditRecordsAsync();
        var record = (await server.GetJsonAsync($"/api/v1/audit?after={total - 1}"))["records"]!.AsArray().Single()!;
        (record["actor"]!.GetValue<string>(), record["action"]!.GetValue<string>(), record["subject"]!.GetValue<string>())
            .ShouldBe(("api:analyst", "order.added", $"SO-{tag}"));
        record["payload"]!["input"]!["id"]!.GetValue<string>().ShouldBe($"SO-{tag}");
    }

    [Fact]
    public async Task A_limit_above_the_cap_gives_at_most_the_cap()
    {
        for (var i = 0; i < 4; i++)
        {
            var tag = Tag();
            await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst",
                "[" + string.Join(",", Enumerable.Range(0, 300).Select(n => Order($"SO-{tag}-{n}", "2024-01-02", Party(tag)))) + "]"));
        }
        var page = await server.GetJsonAsync("/api/v1/audit?limit=5000");
        page["records"]!.AsArray().Count.ShouldBe(Cli.Api.Endpoints.AuditApi.MaxLimit);
        page["next"]!.GetValue<long>().ShouldBe(Cli.Api.Endpoints.AuditApi.MaxLimit);
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("after=x", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task A_bad_page_is_a_400_problem_naming_the_parameter(string query, string where)
    {
        var problem = await ProblemAsync(await server.SendAsync(HttpMethod.Get, $"/api/v1/audit?{query}", "viewer"), HttpStatusCode.BadRequest);
        Where(problem).ShouldBe([where]);
    }
}

public sealed class InProcessAuditApiTests(InProcessServer server) : AuditApiTests(server), IClassFixture<InProcessServer>;

public sealed class HttpAuditApiTests(HttpServer server) : AuditApiTests(server), IClassFixture<HttpServer>;
