using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Reticle.Api.Tests;

/// <summary>
/// The host on PostgreSQL (<c>--postgres</c>), against the server the test command starts (<c>RETICLE_TEST_POSTGRES</c>).
/// Without one this fails: it is never skipped.
/// </summary>
public sealed class PostgresServer() : ApiServer(Transport.Http)
{
    private string? _connectionString;

    protected override string? Postgres => _connectionString ??= TestPostgres.CreateDatabase("reticle_api_");
}

public sealed class PostgresApiTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Determinations_screenings_and_audit_verify_work_on_PostgreSQL()
    {
        var response = await server.SendAsync(HttpMethod.Post, "/api/v1/determinations", "analyst",
            new StringContent(File.ReadAllText(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json")), Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>().ShouldBe("license-required");
        var screening = await server.SendAsync(HttpMethod.Post, "/api/v1/screenings", "viewer",
            new StringContent("""{"name": "ACME"}""", Encoding.UTF8, "application/json"));
        screening.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await server.AuditRecordsAsync()).ShouldBeGreaterThan(5);
    }
}
