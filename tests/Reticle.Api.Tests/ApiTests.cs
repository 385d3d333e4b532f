using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Reticle.Api.Tests;

/// <summary>Every endpoint, bad input and the problem details, run in-process and over real HTTP (the derived classes).</summary>
public abstract class ApiTests(ApiServer server)
{
    private const string Sample = "nxt2050i-to-smic-beijing-2023-09-15.json";

    private static string SampleJson => File.ReadAllText(Repository.Sample(Sample));

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("no JSON");

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await JsonAsync(response)).AsObject();
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        return problem;
    }

    [Fact]
    public async Task Health_answers_without_a_key()
    {
        var response = await server.SendAsync(HttpMethod.Get, "/health", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response))["status"]!.GetValue<string>().ShouldBe("ok");
        (await server.SendAsync(HttpMethod.Get, "/api/v1/health", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_determination_answers_the_contract_shape_and_is_recorded_under_the_keys_name()
    {
        var before = await server.AuditRecordsAsync();
        var response = await server.PostJsonAsync("/api/v1/determinations", "analyst", SampleJson);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await JsonAsync(response);
        json["transaction"]!.GetValue<string>().ShouldBe("SO-2023-0915");
        json["outcome"]!.GetValue<string>().ShouldBe("license-required");
        var nl = json["jurisdictions"]!.AsArray().Single(j => j!["jurisdiction"]!.GetValue<string>() == "NL")!;
        nl["outcome"]!.GetValue<string>().ShouldBe("license-required");
        nl["findings"]!.AsArray()[0]!["citation"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        json["ruleVersions"]!["NL"]!.GetValue<string>().ShouldBe("nl.sme-2023@2023-09-01");
        json["listVersions"]!["us-csl"]!.GetValue<string>().ShouldStartWith("sha256:");
        (await server.AuditRecordsAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task As_of_decides_on_that_date()
    {
        var json = await JsonAsync(await server.PostJsonAsync("/api/v1/determinations?asOf=2023-08-31", "analyst", SampleJson));
        json["asOf"]!.GetValue<string>().ShouldBe("2023-08-31");
        json["outcome"]!.GetValue<string>().ShouldBe("permitted");
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/determinations?asOf=2023-13-01", "analyst", SampleJson), HttpStatusCode.BadRequest);
        problem["errors"]![0]!["where"]!.GetValue<string>().ShouldBe("asOf");
    }

    [Fact]
    public async Task Wrapped_transactions_give_one_determination_each_each_with_its_audit_record()
    {
        var before = await server.AuditRecordsAsync();
        var two = SampleJson.Replace("SO-2023-0915", "SO-2023-0916", StringComparison.Ordinal);
        var response = await server.PostJsonAsync("/api/v1/determinations", "analyst", $$"""{"transactions": [{{SampleJson}}, {{two}}]}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var determinations = (await JsonAsync(response))["determinations"]!.AsArray();
        determinations.Select(d => d!["transaction"]!.GetValue<string>()).ShouldBe(["SO-2023-0915", "SO-2023-0916"]);
        (await server.AuditRecordsAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task A_bare_array_of_transactions_is_answered_as_a_batch_with_every_decision_stored()
    {
        var before = await server.AuditRecordsAsync();
        var two = SampleJson.Replace("SO-2023-0915", "SO-2023-0917", StringComparison.Ordinal);
        var response = await server.PostJsonAsync("/api/v1/determinations", "analyst", $"[{SampleJson}, {two}]");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await JsonAsync(response))["determinations"]!.AsArray().Select(d => d!["transaction"]!.GetValue<string>())
            .ShouldBe(["SO-2023-0915", "SO-2023-0917"]);
        (await server.AuditRecordsAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_position_and_nothing_is_stored()
    {
        var before = await server.AuditRecordsAsync();
        var bad = SampleJson.Replace("\"from\": \"NL\",", "\"from\": \"NL\"", StringComparison.Ordinal);
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/determinations", "analyst", bad), HttpStatusCode.BadRequest);
        problem["errors"]![0]!["where"]!.GetValue<string>().ShouldBe("body:6:3");
        problem["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("malformed JSON");
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("\"to\": \"CN\"", "\"to\": \"XX\"", "body.to", "unknown country code 'XX'")]
    [InlineData("\"role\": \"end-user\"", "\"role\": \"buyer\"", "body.parties[0].role", "unknown role 'buyer'")]
    [InlineData("\"id\": \"SO-2023-0915\",", "", "body.id", "missing required field")]
    public async Task A_bad_field_is_a_400_problem_naming_it_and_nothing_is_stored(string valid, string invalid, string where, string message)
    {
        var before = await server.AuditRecordsAsync();
        var problem = await ProblemAsync(
            await server.PostJsonAsync("/api/v1/determinations", "analyst", SampleJson.Replace(valid, invalid, StringComparison.Ordinal)), HttpStatusCode.BadRequest);
        var error = problem["errors"]!.AsArray().Single()!;
        error["where"]!.GetValue<string>().ShouldBe(where);
        error["message"]!.GetValue<string>().ShouldContain(message);
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_bad_field_inside_wrapped_transactions_is_named_by_its_index()
    {
        var bad = SampleJson.Replace("\"to\": \"CN\"", "\"to\": \"XX\"", StringComparison.Ordinal);
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/determinations", "analyst", $$"""{"transactions": [{{SampleJson}}, {{bad}}]}"""),
            HttpStatusCode.BadRequest);
        problem["errors"]![0]!["where"]!.GetValue<string>().ShouldBe("body.transactions[1].to");
    }

    [Fact]
    public async Task An_oversized_determination_body_is_a_413_problem_and_nothing_is_stored()
    {
        var before = await server.AuditRecordsAsync();
        var huge = "{\"id\": \"" + new string('x', 9 * 1024 * 1024) + "\"}";
        await ProblemAsync(await server.PostJsonAsync("/api/v1/determinations", "analyst", huge), HttpStatusCode.RequestEntityTooLarge);
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Screening_a_name_answers_the_contract_shape_with_why_each_hit_matched()
    {
        var response = await server.PostJsonAsync("/api/v1/screenings", "analyst",
            """{"name": "Semiconductor Manufacturing International Corporation", "country": "CN", "limit": 3, "lists": ["EL"]}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await JsonAsync(response);
        json["query"]!["country"]!.GetValue<string>().ShouldBe("CN");
        json["threshold"]!.GetValue<double>().ShouldBe(0.8);
        var hits = json["hits"]!.AsArray();
        hits.Count.ShouldBeInRange(1, 3);
        hits.ShouldAllBe(h => h!["listCode"]!.GetValue<string>() == "EL");
        hits[0]!["explanation"]!.AsArray().Count.ShouldBeGreaterThan(0);
        hits[0]!["score"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public async Task Screening_many_parties_answers_one_result_each_in_order()
    {
        var response = await server.PostJsonAsync("/api/v1/screenings", "analyst",
            """{"parties": [{"id": "a", "name": "Semiconductor Manufacturing International Corporation"}, {"id": "b", "name": "Zzyzx Quiet Bakery"}], "threshold": 0.9}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var results = (await JsonAsync(response))["results"]!.AsArray();
        results.Select(r => r!["id"]!.GetValue<string>()).ShouldBe(["a", "b"]);
        results[0]!["hits"]!.AsArray().ShouldNotBeEmpty();
        results[1]!["hits"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"name": "ACME", "country": "XX"}""", "body.country")]
    [InlineData("""{"name": "ACME", "threshold": 2}""", "body.threshold")]
    [InlineData("""{"name": "ACME", "colour": "red"}""", "body.colour")]
    [InlineData("""{"country": "CN"}""", "body.name")]
    [InlineData("""{"parties": [{"name": "ACME"}, {"name": "B", "type": "robot"}]}""", "body.parties[1].type")]
    [InlineData("""{"name": "ACME",""", "body:1:16")]
    public async Task A_bad_screening_request_is_a_400_problem_naming_the_field(string body, string where)
    {
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/screenings", "analyst", body), HttpStatusCode.BadRequest);
        problem["errors"]!.AsArray().Select(e => e!["where"]!.GetValue<string>()).ShouldContain(where);
    }

    [Fact]
    public async Task Lists_show_the_snapshots_in_use()
    {
        var response = await server.SendAsync(HttpMethod.Get, "/api/v1/lists", "viewer");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lists = (await JsonAsync(response)).AsArray();
        lists.Select(l => l!["dataset"]!.GetValue<string>()).ShouldBe(["bis-dpl", "ofac-sdn", "un", "us-csl"]);
        lists.ShouldAllBe(l => l!["sha256"]!.GetValue<string>().StartsWith("sha256:") && l["inUse"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Importing_a_list_as_a_raw_body_or_multipart_answers_what_changed_and_screening_uses_it()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "content", "lists", "bis-dpl-2022-09-07.txt"));
        var withoutOne = string.Join("\n", lines.Where((_, i) => i != 1)) + "\n";
        var raw = new ByteArrayContent(Encoding.UTF8.GetBytes(withoutOne));
        raw.Headers.ContentType = new MediaTypeHeaderValue("text/tab-separated-values");
        var response = await server.SendAsync(HttpMethod.Post, "/api/v1/lists/imports?format=bis-dpl&name=dpl.txt", "admin", raw);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await JsonAsync(response)).AsArray().Single()!;
        result["dataset"]!.GetValue<string>().ShouldBe("bis-dpl");
        result["imported"]!.GetValue<bool>().ShouldBeTrue();
        result["changes"]!["removed"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);

        // Determinations now record the new snapshot: the index was rebuilt from it.
        var determined = await JsonAsync(await server.PostJsonAsync("/api/v1/determinations", "analyst", SampleJson));
        determined["listVersions"]!["bis-dpl"]!.GetValue<string>().ShouldBe("sha256:" + result["sha256"]!.GetValue<string>());

        using var form = new MultipartFormDataContent
        {
            { new StringContent("bis-dpl"), "format" },
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(Repository.Root, "content", "lists", "bis-dpl-2022-09-07.txt"))), "files", "bis-dpl-2022-09-07.txt" },
        };
        var again = await server.SendAsync(HttpMethod.Post, "/api/v1/lists/imports", "admin", form);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        var back = (await JsonAsync(again)).AsArray().Single()!;
        back["changes"]!["added"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        back["files"]![0]!.GetValue<string>().ShouldBe("bis-dpl-2022-09-07.txt");
    }

    [Fact]
    public async Task A_bad_list_import_is_a_400_problem_and_nothing_is_stored()
    {
        var before = await server.AuditRecordsAsync();
        var problem = await ProblemAsync(await server.SendAsync(HttpMethod.Post, "/api/v1/lists/imports?format=excel", "admin", new StringContent("x")), HttpStatusCode.BadRequest);
        problem["errors"]![0]!["where"]!.GetValue<string>().ShouldBe("format");
        await ProblemAsync(await server.SendAsync(HttpMethod.Post, "/api/v1/lists/imports?format=csl-json&name=csl.json", "admin", new StringContent("{not json")),
            HttpStatusCode.BadRequest);
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Audit_verify_reports_an_intact_chain()
    {
        var json = await JsonAsync(await server.SendAsync(HttpMethod.Get, "/api/v1/audit/verify", "viewer"));
        json["intact"]!.GetValue<bool>().ShouldBeTrue();
        json["recordsVerified"]!.GetValue<long>().ShouldBeGreaterThan(0);
        json["head"]!.GetValue<string>().ShouldStartWith("sha256:");
    }

    [Fact]
    public async Task Unknown_paths_and_methods_are_problem_details()
    {
        await ProblemAsync(await server.SendAsync(HttpMethod.Get, "/api/v1/nothing-here", "viewer"), HttpStatusCode.NotFound);
        var wrongMethod = await server.SendAsync(HttpMethod.Delete, "/api/v1/lists", "admin");
        await ProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint_and_the_reference_is_served()
    {
        var response = await server.SendAsync(HttpMethod.Get, "/openapi/v1.json", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var paths = (await JsonAsync(response))["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/determinations");
        paths.ShouldContain("/api/v1/screenings");
        paths.ShouldContain("/api/v1/lists");
        paths.ShouldContain("/api/v1/lists/imports");
        paths.ShouldContain("/api/v1/owners");
        paths.ShouldContain("/api/v1/owners/snapshots");
        paths.ShouldContain("/api/v1/audit/verify");
        paths.ShouldContain("/api/v1/audit");
        paths.ShouldContain("/api/v1/licenses");
        paths.ShouldContain("/api/v1/licenses/{id}");
        paths.ShouldContain("/api/v1/licenses/{id}/revocations");
        paths.ShouldContain("/api/v1/orders");
        paths.ShouldContain("/api/v1/orders/{id}/shipments");
        paths.ShouldContain("/api/v1/holds");
        paths.ShouldContain("/api/v1/holds/{id}/release");
        paths.ShouldContain("/api/v1/impact");
        var document = await JsonAsync(await server.SendAsync(HttpMethod.Get, "/openapi/v1.json", null));
        var addLicenses = document["paths"]!["/api/v1/licenses"]!["post"]!;
        addLicenses["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["201", "400", "401", "403", "409", "413"], ignoreOrder: true);
        addLicenses["requestBody"]!["content"]!["application/json"].ShouldNotBeNull();
        document["paths"]!["/api/v1/holds/{id}/release"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ShouldContain("404");
        var docs = await server.SendAsync(HttpMethod.Get, "/docs/", null);
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("scalar");
    }
}

public sealed class InProcessApiTests(InProcessServer server) : ApiTests(server), IClassFixture<InProcessServer>;

public sealed class HttpApiTests(HttpServer server) : ApiTests(server), IClassFixture<HttpServer>;
