using System.Net;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary>Ways to get a wrong answer past the API, or to hide one, that no longer work.</summary>
public abstract class HardeningApiTests(ApiServer server)
{
    [Theory]
    [InlineData("NL/2023/{0}")]
    [InlineData("NL 2023 {0}")]
    public async Task A_licence_whose_id_has_a_slash_or_a_space_is_shown_revoked_and_answered_by_its_own_id(string pattern) =>
        await LicenseIdRoundTripsAsync(pattern);

    /// <summary>
    /// An id with a literal "%2F" must not be read as one with a slash. Only a real server keeps the request target as the
    /// client escaped it; the in-memory test host hands the path over decoded, so this runs over real HTTP.
    /// </summary>
    protected async Task LicenseIdRoundTripsAsync(string pattern)
    {
        var id = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Tag());
        var created = await server.PostJsonAsync("/api/v1/licenses", "reviewer", License(id, Party(Tag())));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var path = $"/api/v1/licenses/{Uri.EscapeDataString(id)}";
        created.Headers.Location!.OriginalString.ShouldBe(path);

        (await server.GetJsonAsync(path))["id"]!.GetValue<string>().ShouldBe(id);
        var revoked = await server.PostJsonAsync($"{path}/revocations", "reviewer", """{"effective": "2024-01-01", "announced": "2024-01-01"}""");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Created, await revoked.Content.ReadAsStringAsync());
        (await server.GetJsonAsync(path))["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued", "revoked"]);
    }

    [Fact]
    public async Task An_order_whose_id_has_a_slash_can_be_shipped()
    {
        var id = $"SO/2024/{Tag()}";
        var transaction = JsonNode.Parse(File.ReadAllText(Repository.Sample("nxt2050i-to-us-2024-02-01.json")))!.AsObject();
        transaction["id"] = id;
        (await server.PostJsonAsync("/api/v1/orders", "analyst", transaction.ToJsonString())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var shipped = await server.SendAsync(HttpMethod.Post, $"/api/v1/orders/{Uri.EscapeDataString(id)}/shipments", "analyst");

        var text = await shipped.Content.ReadAsStringAsync();
        shipped.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldContain(id);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/me")]
    [InlineData("/health")]
    public async Task Every_answer_carries_the_browser_security_headers(string path)
    {
        var response = await server.SendAsync(HttpMethod.Get, path, "viewer");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_within_seconds_and_its_revocation_is_audited()
    {
        var name = $"temp-{Tag().ToLowerInvariant()}";
        var (code, output, error) = await server.RunCliAsync("keys", "create", "--name", name, "--role", "viewer");
        code.ShouldBe(0, error);
        var key = output.TrimEnd().Split('\n')[^1];
        (await GetMeAsync(key)).ShouldBe(HttpStatusCode.OK);

        (await server.RunCliAsync("keys", "revoke", name)).ExitCode.ShouldBe(0);

        var refusedAfter = await RefusedWithinAsync(key, TimeSpan.FromSeconds(10));
        refusedAfter.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        var records = await server.Store.ReadAuditPageAsync(0, 1000);
        records.ShouldContain(r => r.Kind == "api-key.revoked" && r.Payload.Contains(name));
    }

    private async Task<HttpStatusCode> GetMeAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return (await server.Client.SendAsync(request)).StatusCode;
    }

    private async Task<TimeSpan> RefusedWithinAsync(string key, TimeSpan limit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await GetMeAsync(key) == HttpStatusCode.Unauthorized)
            {
                return watch.Elapsed;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"the revoked key was still accepted after {limit}");
    }
}

public sealed class InProcessHardeningApiTests(InProcessServer server) : HardeningApiTests(server), IClassFixture<InProcessServer>;

public sealed class HttpHardeningApiTests(HttpServer server) : HardeningApiTests(server), IClassFixture<HttpServer>
{
    [Fact]
    public Task A_licence_whose_id_has_a_literal_escape_is_not_confused_with_one_that_has_a_slash() => LicenseIdRoundTripsAsync("NL%2023%2F{0}");
}

public sealed class PostgresHardeningApiTests(PostgresServer server) : HardeningApiTests(server), IClassFixture<PostgresServer>
{
    [Fact]
    public Task A_licence_whose_id_has_a_literal_escape_is_not_confused_with_one_that_has_a_slash() => LicenseIdRoundTripsAsync("NL%2023%2F{0}");
}
