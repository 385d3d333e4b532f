using System.Net;
using System.Text;

namespace Reticle.Api.Tests;

/// <summary>Each role can do exactly what it should: viewer &lt; analyst &lt; reviewer &lt; admin; no key is 401, too small a role 403.</summary>
public abstract class AuthorizationTests(ApiServer server)
{
    // Reads: every role. Determinations, screenings, orders, shipments, impact: analyst and up. Licence writes and hold
    // releases: reviewer and up. List imports: admin. An allowed write on an unknown id answers 404; a forbidden one 403 first.
    private static readonly Dictionary<string, string> Least = new()
    {
        ["lists"] = "viewer", ["audit"] = "viewer", ["audit-page"] = "viewer", ["licenses"] = "viewer", ["license"] = "viewer",
        ["orders"] = "viewer", ["holds"] = "viewer", ["jobs"] = "viewer", ["job"] = "viewer",
        ["submit-job"] = "analyst", ["cancel-job"] = "analyst",
        ["determine"] = "analyst", ["screen"] = "analyst", ["add-order"] = "analyst", ["ship"] = "analyst", ["impact"] = "analyst", ["whatif"] = "analyst",
        ["add-license"] = "reviewer", ["revoke"] = "reviewer", ["release"] = "reviewer",
        ["import"] = "admin",
    };

    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["license"] = "404", ["job"] = "404", ["submit-job"] = "400", ["cancel-job"] = "404", ["add-order"] = "201", ["ship"] = "404", ["impact"] = "400", ["whatif"] = "400", ["add-license"] = "201", ["revoke"] = "404", ["release"] = "404",
    };

    private static readonly string[] RoleNames = ["viewer", "analyst", "reviewer", "admin"];

    public static TheoryData<string, string, string> Calls
    {
        get
        {
            var calls = new TheoryData<string, string, string>();
            foreach (var (call, least) in Least)
            {
                foreach (var role in RoleNames)
                {
                    calls.Add(call, role, Array.IndexOf(RoleNames, role) >= Array.IndexOf(RoleNames, least) ? Allowed.GetValueOrDefault(call, "200") : "403");
                }
                calls.Add(call, "none", "401");
                calls.Add(call, "rtk_not-a-key", "401");
            }
            return calls;
        }
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Each_role_can_do_exactly_what_it_should(string call, string role, string expected)
    {
        var key = role == "none" ? null : role;
        var tag = Stories.Tag();
        static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
        var response = call switch
        {
            "lists" => await server.SendAsync(HttpMethod.Get, "/api/v1/lists", key),
            "audit" => await server.SendAsync(HttpMethod.Get, "/api/v1/audit/verify", key),
            "audit-page" => await server.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1", key),
            "licenses" => await server.SendAsync(HttpMethod.Get, "/api/v1/licenses", key),
            "license" => await server.SendAsync(HttpMethod.Get, "/api/v1/licenses/NL-NOWHERE", key),
            "orders" => await server.SendAsync(HttpMethod.Get, "/api/v1/orders", key),
            "holds" => await server.SendAsync(HttpMethod.Get, "/api/v1/holds", key),
            "jobs" => await server.SendAsync(HttpMethod.Get, "/api/v1/jobs", key),
            "job" => await server.SendAsync(HttpMethod.Get, "/api/v1/jobs/job_01M937CZTV53J7DQP9HHNNRV68", key),
            // An impact job without its dates: allowed means it gets as far as reading the body (400).
            "submit-job" => await server.SendAsync(HttpMethod.Post, "/api/v1/jobs", key, Json("""{"kind": "impact"}""")),
            "cancel-job" => await server.SendAsync(HttpMethod.Post, "/api/v1/jobs/job_01M937CZTV53J7DQP9HHNNRV68/cancel", key),
            "determine" => await server.SendAsync(HttpMethod.Post, "/api/v1/determinations", key,
                Json(File.ReadAllText(Repository.Sample("nxt2050i-to-us-2024-02-01.json")))),
            "screen" => await server.SendAsync(HttpMethod.Post, "/api/v1/screenings", key, Json("""{"name": "ACME"}""")),
            "add-order" => await server.SendAsync(HttpMethod.Post, "/api/v1/orders", key, Json(Stories.Order($"SO-{tag}", "2024-01-02", Stories.Party(tag)))),
            "ship" => await server.SendAsync(HttpMethod.Post, "/api/v1/orders/SO-NOWHERE/shipments", key),
            // A body without knownAt: allowed means it gets as far as reading the body (400).
            "impact" => await server.SendAsync(HttpMethod.Post, "/api/v1/impact", key, Json("{}")),
            // Multipart without a draft: allowed means it gets as far as reading the form (400).
            "whatif" => await server.SendAsync(HttpMethod.Post, "/api/v1/whatif", key, new MultipartFormDataContent { { new StringContent("2027-01-01"), "knownAt" } }),
            "add-license" => await server.SendAsync(HttpMethod.Post, "/api/v1/licenses", key, Json(Stories.License($"NL-{tag}", Stories.Party(tag)))),
            "revoke" => await server.SendAsync(HttpMethod.Post, "/api/v1/licenses/NL-NOWHERE/revocations", key, Json("""{"effective": "2024-01-01"}""")),
            "release" => await server.SendAsync(HttpMethod.Post, "/api/v1/holds/987654/release", key, Json("""{"reasonCode": "x", "text": "y"}""")),
            // The bundled file again: allowed means 200 with nothing changed.
            "import" => await server.SendAsync(HttpMethod.Post, "/api/v1/lists/imports?format=bis-dpl", key,
                new ByteArrayContent(File.ReadAllBytes(Path.Combine(Repository.Root, "content", "lists", "bis-dpl-2022-09-07.txt")))),
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };
        ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected is "401" or "403" or "404" or "400")
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        if (expected == "401")
        {
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }
    }

    [Fact]
    public async Task Nothing_a_forbidden_write_asked_for_is_stored()
    {
        var before = await server.AuditRecordsAsync();
        var tag = Stories.Tag();
        (await server.PostJsonAsync("/api/v1/licenses", "analyst", Stories.License($"NL-{tag}", Stories.Party(tag)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await server.PostJsonAsync("/api/v1/orders", "viewer", Stories.Order($"SO-{tag}", "2024-01-02", Stories.Party(tag)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await server.AuditRecordsAsync()).ShouldBe(before);
        (await server.SendAsync(HttpMethod.Get, $"/api/v1/licenses/NL-{tag}", "viewer")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
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
