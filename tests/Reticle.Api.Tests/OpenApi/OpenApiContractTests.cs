using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document describes what the API really takes and answers: against a server listening on a real port,
/// every operation is called, each request body sent is first checked against the operation's request schema, and every
/// answer (successes and problem details alike) against the schema the document gives for its status.
/// </summary>
public sealed class OpenApiContractTests(HttpServer server) : IClassFixture<HttpServer>
{
    private const string Sample = "nxt2050i-to-smic-beijing-2023-09-15.json";

    /// <summary>Sends a request, checking its JSON body (if any) and the answer against <paramref name="contract"/>.</summary>
    private async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(OpenApiContract contract, string method, string template, string path, string? role,
        string? json = null, HttpContent? content = null)
    {
        if (json is not null)
        {
            contract.RequestViolations(method, template, json).ShouldBeEmpty($"request to {method.ToUpperInvariant()} {path}: {json[..Math.Min(json.Length, 300)]}");
            content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await server.SendAsync(new HttpMethod(method.ToUpperInvariant()), path, role, content);
        var text = await response.Content.ReadAsStringAsync();
        contract.ResponseViolations(method, template, (int)response.StatusCode, response.Content.Headers.ContentType, text)
            .ShouldBeEmpty($"answer of {method.ToUpperInvariant()} {path} ({(int)response.StatusCode}): {text[..Math.Min(text.Length, 2000)]}");
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<JsonNode> OkAsync(OpenApiContract contract, string method, string template, string path, string? role, string? json = null,
        HttpContent? content = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body) = await CallAsync(contract, method, template, path, role, json, content);
        status.ShouldBe(expected, body?.ToJsonString());
        return body!;
    }

    private static IEnumerable<string> Transactions() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "content", "samples"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}expected{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task Every_operation_answers_as_the_document_describes_and_every_request_sent_is_one_it_describes()
    {
        var contract = await OpenApiContract.FetchAsync(server.Client);

        // Ownership facts first, so that determinations and screenings of the subsidiary in the samples carry ownership findings.
        (await server.RunCliAsync("owners", "import", Repository.Sample(Path.Combine("ownership", "owners.csv")), "--format", "csv")).ExitCode.ShouldBe(0);
        var picture = await OkAsync(contract, "get", "/api/v1/owners", "/api/v1/owners?name=Pearl%20River%20Tooling%20(Zhuhai)%20Co.%20Ltd.&country=CN&date=2026-11-25", "viewer");
        picture["findings"]!.AsArray().ShouldNotBeEmpty();
        await OkAsync(contract, "get", "/api/v1/owners", "/api/v1/owners?name=Nobody%20Anywhere", "viewer");
        (await CallAsync(contract, "get", "/api/v1/owners", "/api/v1/owners?name=x&date=2026-02-30", "viewer")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await OkAsync(contract, "get", "/api/v1/owners/snapshots", "/api/v1/owners/snapshots", "viewer")).AsArray().ShouldHaveSingleItem();
        var owned = await OkAsync(contract, "post", "/api/v1/screenings", "/api/v1/screenings", "analyst", """{"name": "Pearl River Precision Parts Co. Ltd.", "country": "CN"}""");
        owned["ownership"]!.AsArray().ShouldNotBeEmpty();

        await OkAsync(contract, "get", "/health", "/health", null);
        await OkAsync(contract, "get", "/api/v1/health", "/api/v1/health", null);
        (await OkAsync(contract, "get", "/api/v1/me", "/api/v1/me", "reviewer"))["role"]!.GetValue<string>().ShouldBe("reviewer");
        await CallAsync(contract, "get", "/api/v1/me", "/api/v1/me", null);
        await CallAsync(contract, "get", "/api/v1/me", "/api/v1/me", "not-a-key");

        // Every sample and golden transaction, one at a time and as both kinds of batch: findings, licence exceptions,
        // missing facts, screening hits and notes all occur among them.
        var samples = Transactions().Select(File.ReadAllText).ToList();
        samples.Count.ShouldBeGreaterThan(10);
        foreach (var sample in samples)
        {
            await OkAsync(contract, "post", "/api/v1/determinations", "/api/v1/determinations", "analyst", sample);
        }
        var batch = await OkAsync(contract, "post", "/api/v1/determinations", "/api/v1/determinations", "analyst", $$"""{"transactions": [{{string.Join(",", samples.Take(3))}}]}""");
        batch["determinations"]!.AsArray().Count.ShouldBe(3);
        await OkAsync(contract, "post", "/api/v1/determinations", "/api/v1/determinations?asOf=2023-08-31", "analyst", $"[{samples[0]}, {samples[1]}]");
        var refused = await CallAsync(contract, "post", "/api/v1/determinations", "/api/v1/determinations?asOf=2023-13-01", "analyst", File.ReadAllText(Repository.Sample(Sample)));
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body!["errors"]![0]!["where"]!.GetValue<string>().ShouldBe("asOf");
        (await CallAsync(contract, "post", "/api/v1/determinations", "/api/v1/determinations", "analyst", content: new StringContent("{\"id\": ", Encoding.UTF8, "application/json")))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await CallAsync(contract, "post", "/api/v1/determinations", "/api/v1/determinations", "viewer", samples[0])).Status.ShouldBe(HttpStatusCode.Forbidden);

        var hit = await OkAsync(contract, "post", "/api/v1/screenings", "/api/v1/screenings", "analyst",
            """{"name": "Semiconductor Manufacturing International Corporation", "country": "CN", "type": "entity"}""");
        hit["hits"]!.AsArray().ShouldNotBeEmpty();
        await OkAsync(contract, "post", "/api/v1/screenings", "/api/v1/screenings", "analyst",
            """{"parties": [{"id": "p1", "name": "Huawei Technologies Co., Ltd."}, {"id": "p2", "name": "Quiet Harbour Wafer Works", "country": "NL"}], "threshold": 0.85, "limit": 5, "lists": ["EL", "SDN"], "mode": "reticle"}""");
        (await CallAsync(contract, "post", "/api/v1/screenings", "/api/v1/screenings", "analyst", content: new StringContent("""{"nam": "x"}""", Encoding.UTF8, "application/json")))
            .Status.ShouldBe(HttpStatusCode.BadRequest);

        await OkAsync(contract, "get", "/api/v1/lists", "/api/v1/lists", "viewer");
        var dpl = File.ReadAllLines(Path.Combine(Repository.Root, "content", "lists", "bis-dpl-2022-09-07.txt"));
        var raw = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", dpl.Where((_, i) => i != 1)) + "\n"));
        raw.Headers.ContentType = new MediaTypeHeaderValue("text/tab-separated-values");
        await OkAsync(contract, "post", "/api/v1/lists/imports", "/api/v1/lists/imports?format=bis-dpl&name=dpl.txt", "admin", content: raw);
        var form = new MultipartFormDataContent
        {
            { new StringContent("bis-dpl"), "format" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", dpl) + "\n")), "files", "bis-dpl-2022-09-07.txt" },
        };
        await OkAsync(contract, "post", "/api/v1/lists/imports", "/api/v1/lists/imports", "admin", content: form);
        (await CallAsync(contract, "post", "/api/v1/lists/imports", "/api/v1/lists/imports?format=excel", "admin", content: new StringContent("x"))).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await OkAsync(contract, "get", "/api/v1/lists", "/api/v1/lists?all=true", "viewer")).AsArray().Count.ShouldBeGreaterThan(1);

        var tag = Tag();
        var license = $"NL-{tag}";
        // Valid on the test clock's day, when the licensed order below ships (and is decided).
        await OkAsync(contract, "post", "/api/v1/licenses", "/api/v1/licenses", "reviewer", LicensesOnShippingDay(license, Party(tag)), expected: HttpStatusCode.Created);
        var (a, b) = (Tag(), Tag());
        await OkAsync(contract, "post", "/api/v1/licenses", "/api/v1/licenses", "reviewer", $$"""{"licenses": [{{License($"NL-{a}", Party(a))}}]}""", expected: HttpStatusCode.Created);
        await OkAsync(contract, "post", "/api/v1/licenses", "/api/v1/licenses", "reviewer", $"[{License($"NL-{b}", Party(b))}]", expected: HttpStatusCode.Created);
        (await CallAsync(contract, "post", "/api/v1/licenses", "/api/v1/licenses", "reviewer", License(license, Party(tag)))).Status.ShouldBe(HttpStatusCode.Conflict);
        (await CallAsync(contract, "post", "/api/v1/licenses", "/api/v1/licenses", "analyst", License($"NL-{Tag()}", Party(tag)))).Status.ShouldBe(HttpStatusCode.Forbidden);

        // A licensed order ships and draws the licence; an unlicensed one is held, released by a second key, and ships.
        var (licensed, unlicensed) = ($"SO-L-{tag}", $"SO-U-{tag}");
        var other = Tag();
        await OkAsync(contract, "post", "/api/v1/orders", "/api/v1/orders", "analyst", Order(licensed, "2024-01-02", Party(tag)), expected: HttpStatusCode.Created);
        await OkAsync(contract, "post", "/api/v1/orders", "/api/v1/orders", "analyst",
            $"[{Order(unlicensed, "2024-01-02", Party(other))}, {Order($"SO-J-{tag}", "2024-02-01", Party(tag))}]", expected: HttpStatusCode.Created);
        (await OkAsync(contract, "post", "/api/v1/orders/{id}/shipments", $"/api/v1/orders/{licensed}/shipments", "analyst"))["shipped"]!.GetValue<bool>().ShouldBeTrue();
        var held = await OkAsync(contract, "post", "/api/v1/orders/{id}/shipments", $"/api/v1/orders/{unlicensed}/shipments", "analyst");
        held["shipped"]!.GetValue<bool>().ShouldBeFalse();
        var hold = held["hold"]!.GetValue<long>();
        (await CallAsync(contract, "post", "/api/v1/orders/{id}/shipments", $"/api/v1/orders/{licensed}/shipments", "analyst")).Status.ShouldBe(HttpStatusCode.Conflict);
        (await CallAsync(contract, "post", "/api/v1/orders/{id}/shipments", "/api/v1/orders/SO-NOWHERE/shipments", "analyst")).Status.ShouldBe(HttpStatusCode.NotFound);
        await OkAsync(contract, "get", "/api/v1/holds", "/api/v1/holds", "viewer");
        const string Release = """{"reasonCode": "licence-outside-system", "text": "paper licence on file"}""";
        (await CallAsync(contract, "post", "/api/v1/holds/{id}/release", $"/api/v1/holds/{hold}/release", "analyst", Release)).Status.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(contract, "post", "/api/v1/holds/{id}/release", $"/api/v1/holds/{hold}/release", "reviewer", Release);
        (await CallAsync(contract, "post", "/api/v1/holds/{id}/release", $"/api/v1/holds/{hold}/release", "reviewer", Release)).Status.ShouldBe(HttpStatusCode.Conflict);
        (await CallAsync(contract, "post", "/api/v1/holds/{id}/release", "/api/v1/holds/987654/release", "reviewer", Release)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await CallAsync(contract, "post", "/api/v1/holds/{id}/release", $"/api/v1/holds/{hold}/release", "reviewer",
            content: new StringContent($$"""{"reasonCode": "x", "text": "{{new string('t', 70 * 1024)}}"}""", Encoding.UTF8, "application/json"))).Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await OkAsync(contract, "post", "/api/v1/orders/{id}/shipments", $"/api/v1/orders/{unlicensed}/shipments", "analyst"))["releasedBy"].ShouldNotBeNull();
        (await OkAsync(contract, "get", "/api/v1/holds", "/api/v1/holds", "viewer")).AsArray().ShouldContain(h => h!["status"]!.GetValue<string>() == "released");
        await OkAsync(contract, "get", "/api/v1/orders", "/api/v1/orders", "viewer");
        await OkAsync(contract, "get", "/api/v1/orders", "/api/v1/orders?status=shipped", "viewer");
        (await CallAsync(contract, "get", "/api/v1/orders", "/api/v1/orders?status=lost", "viewer")).Status.ShouldBe(HttpStatusCode.BadRequest);

        // A revocation of the licence's first line, announced after 'knownAt': the order of February changes.
        await OkAsync(contract, "post", "/api/v1/licenses/{id}/revocations", $"/api/v1/licenses/{license}/revocations", "reviewer",
            """{"effective": "2024-01-01", "announced": "2024-01-01", "lines": [1], "reason": "partial revocation"}""", expected: HttpStatusCode.Created);
        await OkAsync(contract, "post", "/api/v1/licenses/{id}/revocations", $"/api/v1/licenses/NL-{a}/revocations", "reviewer",
            $$"""{"effective": "2024-06-01", "party": "{{Party(a)}}"}""", expected: HttpStatusCode.Created);
        (await CallAsync(contract, "post", "/api/v1/licenses/{id}/revocations", "/api/v1/licenses/NL-NOWHERE/revocations", "reviewer", """{"effective": "2024-01-01"}"""))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        await OkAsync(contract, "get", "/api/v1/licenses", "/api/v1/licenses", "viewer");
        // The order shipped on the test clock's day drew the EU licence (the Dutch list yields to Annex I from 2025-11-15);
        // the revocation is the Dutch licence's, which governed the orders' planned dates in 2024.
        var detail = await OkAsync(contract, "get", "/api/v1/licenses/{id}", $"/api/v1/licenses/{license}", "viewer");
        detail["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued", "revoked"], ignoreOrder: true);
        var drawn = await OkAsync(contract, "get", "/api/v1/licenses/{id}", $"/api/v1/licenses/{license}-EU", "viewer");
        drawn["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued", "consumed"], ignoreOrder: true);
        (await CallAsync(contract, "get", "/api/v1/licenses/{id}", "/api/v1/licenses/NL-NOWHERE", "viewer")).Status.ShouldBe(HttpStatusCode.NotFound);

        var report = await OkAsync(contract, "post", "/api/v1/impact", "/api/v1/impact", "analyst", """{"knownAt": "2023-12-01", "vs": "2024-01-02"}""");
        report["changes"]!.AsArray().ShouldNotBeEmpty();
        await OkAsync(contract, "post", "/api/v1/impact", "/api/v1/impact", "analyst", """{"knownAt": "2026-11-25"}""");
        (await CallAsync(contract, "post", "/api/v1/impact", "/api/v1/impact", "analyst", content: new StringContent("""{"knownAt": "2023-02-30"}""", Encoding.UTF8, "application/json")))
            .Status.ShouldBe(HttpStatusCode.BadRequest);

        var drafts = new MultipartFormDataContent
        {
            { new StringContent(File.ReadAllText(Path.Combine(Repository.Root, "tests", "fixtures", "whatif", "sg-duv-draft.yaml"))), "files", "sg-duv-draft.yaml" },
            { new StringContent("true"), "all" },
        };
        (await OkAsync(contract, "post", "/api/v1/whatif", "/api/v1/whatif", "analyst", content: drafts))["drafts"]!.AsArray().Count.ShouldBe(1);
        (await CallAsync(contract, "post", "/api/v1/whatif", "/api/v1/whatif", "analyst", content: new MultipartFormDataContent { { new StringContent("x"), "files", "bad.yaml" } }))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        var timeline = await OkAsync(contract, "post", "/api/v1/rules/timeline", "/api/v1/rules/timeline", "viewer", content: new MultipartFormDataContent
        {
            { new StringContent(File.ReadAllText(Path.Combine(Repository.Root, "tests", "fixtures", "whatif", "sg-duv-draft.yaml"))), "files", "sg-duv-draft.yaml" },
        });
        timeline["packs"]!.AsArray().Single(p => p!["draft"]!.GetValue<bool>())!["pack"]!.GetValue<string>().ShouldBe("sg.duv-draft");
        (await OkAsync(contract, "get", "/api/v1/rules/diff", "/api/v1/rules/diff?old=nl.sme-2023&new=nl.sme-2024", "viewer"))["entries"]!.AsArray().ShouldNotBeEmpty();

        var page = await OkAsync(contract, "get", "/api/v1/audit", "/api/v1/audit?limit=1000", "viewer");
        page["records"]!.AsArray().Count.ShouldBeGreaterThan(20);
        (await OkAsync(contract, "get", "/api/v1/audit", "/api/v1/audit?after=3&limit=2", "viewer"))["next"].ShouldNotBeNull();
        (await CallAsync(contract, "get", "/api/v1/audit", "/api/v1/audit?limit=0", "viewer")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await OkAsync(contract, "get", "/api/v1/audit/verify", "/api/v1/audit/verify", "viewer"))["intact"]!.GetValue<bool>().ShouldBeTrue();
        (await OkAsync(contract, "get", "/api/v1/rules/timeline", "/api/v1/rules/timeline", "viewer"))["packs"]!.AsArray().ShouldNotBeEmpty();

        // Jobs: an impact job (JSON) and a screening job (a CSV, multipart); on SQLite they run in the server's process.
        var impactJob = await OkAsync(contract, "post", "/api/v1/jobs", "/api/v1/jobs", "analyst", """{"kind": "impact", "knownAt": "2023-12-01", "vs": "2024-01-02"}""",
            expected: HttpStatusCode.Accepted);
        var csv = new MultipartFormDataContent
        {
            { new StringContent("screening"), "kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("id,name,country\nP1,Semiconductor Manufacturing International Corporation,CN\n")), "file", "parties.csv" },
        };
        var screeningJob = await OkAsync(contract, "post", "/api/v1/jobs", "/api/v1/jobs", "analyst", content: csv, expected: HttpStatusCode.Accepted);
        var bad = new MultipartFormDataContent
        {
            { new StringContent("screening"), "kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("id,name,country\nP1,Acme,XX9\n")), "file", "bad.csv" },
        };
        (await CallAsync(contract, "post", "/api/v1/jobs", "/api/v1/jobs", "analyst", content: bad)).Status.ShouldBe(HttpStatusCode.BadRequest);
        foreach (var job in new[] { impactJob, screeningJob })
        {
            var id = job["id"]!.GetValue<string>();
            for (var i = 0; i < 600 && (await OkAsync(contract, "get", "/api/v1/jobs/{id}", $"/api/v1/jobs/{id}", "viewer"))["status"]!.GetValue<string>() != "completed"; i++)
            {
                await Task.Delay(100);
            }
        }
        (await OkAsync(contract, "get", "/api/v1/jobs", "/api/v1/jobs", "viewer")).AsArray().Count.ShouldBeGreaterThanOrEqualTo(2);
        var screeningId = screeningJob["id"]!.GetValue<string>();
        (await OkAsync(contract, "get", "/api/v1/jobs/{id}/results", $"/api/v1/jobs/{screeningId}/results", "viewer"))["id"]!.GetValue<string>().ShouldBe("P1");
        (await CallAsync(contract, "post", "/api/v1/jobs/{id}/cancel", $"/api/v1/jobs/{screeningId}/cancel", "analyst")).Status.ShouldBe(HttpStatusCode.Conflict);
        (await CallAsync(contract, "get", "/api/v1/jobs/{id}", "/api/v1/jobs/job_NOPE", "viewer")).Status.ShouldBe(HttpStatusCode.NotFound);
        // Slow enough to be cancelled while it runs: one-name shards, warm, go fast, and 400 of them sometimes ended first.
        var slow = new MultipartFormDataContent
        {
            { new StringContent("screening"), "kind" },
            { new StringContent("1"), "shardSize" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("id,name\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"P{i},Name {i}\n")))), "file", "many.csv" },
        };
        var slowId = (await OkAsync(contract, "post", "/api/v1/jobs", "/api/v1/jobs", "analyst", content: slow, expected: HttpStatusCode.Accepted))["id"]!.GetValue<string>();
        (await OkAsync(contract, "post", "/api/v1/jobs/{id}/cancel", $"/api/v1/jobs/{slowId}/cancel", "analyst"))["status"]!.GetValue<string>().ShouldBe("cancelled");

        // A what-if job: the drafts as multipart files, as POST /whatif takes them (after the cancellation, which needs the
        // slow job still running).
        var whatIf = new MultipartFormDataContent
        {
            { new StringContent("whatif"), "kind" },
            { new StringContent(File.ReadAllText(Path.Combine(Repository.Root, "tests", "fixtures", "whatif", "sg-duv-draft.yaml"))), "files", "sg-duv-draft.yaml" },
            { new StringContent("true"), "all" },
        };
        var whatIfJob = await OkAsync(contract, "post", "/api/v1/jobs", "/api/v1/jobs", "analyst", content: whatIf, expected: HttpStatusCode.Accepted);
        whatIfJob["kind"]!.GetValue<string>().ShouldBe("whatif");
        var badDrafts = await CallAsync(contract, "post", "/api/v1/jobs", "/api/v1/jobs", "analyst", content: new MultipartFormDataContent
        {
            { new StringContent("whatif"), "kind" },
            { new StringContent("x"), "files", "bad.yaml" },
        });
        badDrafts.Status.ShouldBe(HttpStatusCode.BadRequest);
        badDrafts.Body!.ToJsonString().ShouldContain("bad.yaml:");
        var whatIfId = whatIfJob["id"]!.GetValue<string>();
        for (var i = 0; i < 600 && (await OkAsync(contract, "get", "/api/v1/jobs/{id}", $"/api/v1/jobs/{whatIfId}", "viewer"))["status"]!.GetValue<string>() != "completed"; i++)
        {
            await Task.Delay(100);
        }
        (await OkAsync(contract, "get", "/api/v1/jobs/{id}", $"/api/v1/jobs/{whatIfId}", "viewer"))["status"]!.GetValue<string>().ShouldBe("completed");

        // Every operation the document lists was called, and answered with success at least once.
        var succeeded = contract.Seen.Where(s => s.Status is >= 200 and < 300).Select(s => (s.Method, s.Path)).ToHashSet();
        contract.Operations.Where(o => !succeeded.Contains(o)).ShouldBeEmpty("operations the test never saw succeed");
    }

    [Fact]
    public async Task The_check_fails_on_a_field_the_schema_lacks_a_missing_required_field_an_unknown_value_and_a_bad_date()
    {
        var contract = await OpenApiContract.FetchAsync(server.Client);
        var real = (await server.PostJsonAsync("/api/v1/determinations", "analyst", File.ReadAllText(Repository.Sample(Sample))));
        var text = await real.Content.ReadAsStringAsync();
        contract.ResponseViolations("post", "/api/v1/determinations", 200, real.Content.Headers.ContentType, text).ShouldBeEmpty();

        var determination = JsonNode.Parse(text)!.AsObject();
        string With(Action<JsonObject> change)
        {
            var copy = determination.DeepClone().AsObject();
            change(copy);
            return copy.ToJsonString();
        }
        contract.ComponentViolations("Determination", With(d => d["surprise"] = 1)).ShouldNotBeEmpty();
        contract.ComponentViolations("Determination", With(d => d["jurisdictions"]![0]!["findings"]![0]!["surprise"] = 1)).ShouldNotBeEmpty();
        contract.ComponentViolations("Determination", With(d => d.Remove("outcome"))).ShouldNotBeEmpty();
        contract.ComponentViolations("Determination", With(d => d["jurisdictions"]![0]!.AsObject().Remove("findings"))).ShouldNotBeEmpty();
        contract.ComponentViolations("Determination", With(d => d["outcome"] = "maybe")).ShouldNotBeEmpty();
        contract.ComponentViolations("Determination", With(d => d["asOf"] = "2023-02-30")).ShouldNotBeEmpty();
        contract.ComponentViolations("Determination", With(d => d["screening"] = new JsonArray(new JsonObject { ["role"] = "end-user" }))).ShouldNotBeEmpty();
        contract.ComponentViolations("Determination", With(d => d["knownAt"] = "2023-09-01")).ShouldBeEmpty();

        contract.RequestViolations("post", "/api/v1/determinations", File.ReadAllText(Repository.Sample(Sample)).Replace("\"origin\"", "\"orgin\"", StringComparison.Ordinal))
            .ShouldNotBeEmpty();
        contract.RequestViolations("post", "/api/v1/screenings", """{"name": "x", "country": "CN", "colour": "red"}""").ShouldNotBeEmpty();
        contract.RequestViolations("post", "/api/v1/screenings", """{"name": "x", "type": "robot"}""").ShouldNotBeEmpty();
        // What the API refuses, the document does not offer: 'unknown' is no party type a caller may give.
        contract.RequestViolations("post", "/api/v1/screenings", """{"name": "x", "type": "unknown"}""").ShouldNotBeEmpty();
        (await server.PostJsonAsync("/api/v1/screenings", "analyst", """{"name": "x", "type": "unknown"}""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var problem = JsonNode.Parse("""{"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "t", "status": 400, "errors": [{"where": "body.id"}]}""")!;
        contract.ComponentViolations("ProblemDetails", problem.ToJsonString()).ShouldNotBeEmpty();
        problem["errors"]![0]!["message"] = "missing required field";
        contract.ComponentViolations("ProblemDetails", problem.ToJsonString()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_document_reads_as_OpenAPI_without_errors_and_the_browsable_reference_is_served()
    {
        // As a client generator reads it: the OpenAPI.NET reader (NSwag's and Kiota's) and its default validation rules.
        var contract = await OpenApiContract.FetchAsync(server.Client);
        var read = Microsoft.OpenApi.OpenApiDocument.Parse(contract.Document.ToJsonString(), "json");
        read.Diagnostic!.Errors.Select(e => e.ToString()).ShouldBeEmpty();
        read.Document!.Components!.Schemas!.Keys.ShouldContain("Determination");
        Microsoft.OpenApi.OpenApiElementExtensions.Validate(read.Document, Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet())
            .Select(e => e.ToString()).ShouldBeEmpty();
        // One component per shape: a copy would give a generated client two types for one thing.
        contract.Document["components"]!["schemas"]!.AsObject()
            .GroupBy(c => c.Value!.ToJsonString()).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(c => c.Key)))
            .ShouldBeEmpty("components with the same schema");

        using var docs = await server.Client.GetAsync(new Uri("/docs/", UriKind.Relative));
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await docs.Content.ReadAsStringAsync();
        page.ShouldContain("scalar", Case.Insensitive);
        // The page names the document relative to the site ('openapi/v1.json'), and the script resolves it from the root.
        page.ShouldContain("openapi/v1.json");
    }
}
