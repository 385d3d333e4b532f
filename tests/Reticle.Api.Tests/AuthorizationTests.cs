using System.Net;
using System.Text;

namespace Reticle.Api.Tests;

/// <summary>Each role can do exactly what it should: viewer &lt; analyst &lt; reviewer &lt; admin; no key is 401, too small a role 403.</summary>
public abstract class AuthorizationTests(ApiServer server)
{
    public static TheoryData<string, string, string> Calls => new()
    {
        // call, role, expected
        { "lists", "viewer", "200" }, { "lists", "analyst", "200" }, { "lists", "reviewer", "200" }, { "lists", "admin", "200" },
        { "audit", "viewer", "200" }, { "audit", "analyst", "200" }, { "audit", "reviewer", "200" }, { "audit", "admin", "200" },
        { "determine", "viewer", "403" }, { "determine", "analyst", "200" }, { "determine", "reviewer", "200" }, { "determine", "admin", "200" },
        { "screen", "viewer", "403" }, { "screen", "analyst", "200" }, { "screen", "reviewer", "200" }, { "screen", "admin", "200" },
        { "import", "viewer", "403" }, { "import", "analyst", "403" }, { "import", "reviewer", "403" }, { "import", "admin", "200" },
        { "lists", "none", "401" }, { "audit", "none", "401" }, { "determine", "none", "401" }, { "screen", "none", "401" }, { "import", "none", "401" },
        { "determine", "rtk_not-a-key", "401" }, { "lists", "rtk_not-a-key", "401" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Each_role_can_do_exactly_what_it_should(string call, string role, string expected)
    {
        var key = role == "none" ? null : role;
        var response = call switch
        {
            "lists" => await server.SendAsync(HttpMethod.Get, "/api/v1/lists", key),
            "audit" => await server.SendAsync(HttpMethod.Get, "/api/v1/audit/verify", key),
            "determine" => await server.SendAsync(HttpMethod.Post, "/api/v1/determinations", key,
                new StringContent(File.ReadAllText(Repository.Sample("nxt2050i-to-us-2024-02-01.json")), Encoding.UTF8, "application/json")),
            "screen" => await server.SendAsync(HttpMethod.Post, "/api/v1/screenings", key, new StringContent("""{"name": "ACME"}""", Encoding.UTF8, "application/json")),
            // The bundled file again: allowed means 200 with nothing changed.
            "import" => await server.SendAsync(HttpMethod.Post, "/api/v1/lists/imports?format=bis-dpl", key,
                new ByteArrayContent(File.ReadAllBytes(Path.Combine(Repository.Root, "content", "lists", "bis-dpl-2022-09-07.txt")))),
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };
        ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected is "401" or "403")
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        if (expected == "401")
        {
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }
    }

    [Fact]
    public async Task The_key_may_also_come_as_an_X_Api_Key_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/lists");
        request.Headers.Add("X-Api-Key", server.Keys["viewer"]);
        (await server.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_determinations_audit_record_names_the_keys_name_as_actor()
    {
        var response = await server.SendAsync(HttpMethod.Post, "/api/v1/determinations", "reviewer",
            new StringContent(File.ReadAllText(Repository.Sample("nxt2050i-to-de-2024-02-01.json")), Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var records = new List<Audit.AuditRecord>();
        await foreach (var record in server.Store.ReadAuditAsync())
        {
            records.Add(record);
        }
        records[^1].Kind.ShouldBe("determination");
        records[^1].Actor.ShouldBe("api:reviewer");
        records.ShouldContain(r => r.Kind == "api-key.created" && r.Payload.Contains("\"admin\"") && !r.Payload.Contains(server.Keys["admin"]));
    }
}

public sealed class InProcessAuthorizationTests(InProcessServer server) : AuthorizationTests(server), IClassFixture<InProcessServer>;

public sealed class HttpAuthorizationTests(HttpServer server) : AuthorizationTests(server), IClassFixture<HttpServer>;
