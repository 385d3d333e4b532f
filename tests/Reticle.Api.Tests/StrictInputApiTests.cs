using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Reticle.Api.Tests;

/// <summary>
/// Nothing is silently ignored (CONTRACT §2) on every body the API reads: misspelt fields, keys given twice, text that is
/// not valid Unicode or UTF-8, ids the store cannot hold, numbers and dates out of range are a 400 problem naming the
/// place (never a 500), and nothing is stored. In-process on SQLite and over HTTP on PostgreSQL.
/// </summary>
public abstract class StrictInputApiTests(ApiServer server)
{
    private static string SampleJson => File.ReadAllText(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"));

    private const string LicenseJson = """
        { "id": "NL-STRICT-1", "jurisdiction": "NL", "holder": "ASML Netherlands B.V.",
          "issued": "2023-09-08", "validFrom": "2023-09-10", "validUntil": "2024-12-31",
          "destinations": ["CN"],
          "parties": [ { "role": "end-user", "name": "Semiconductor Manufacturing International (Beijing) Corporation" } ],
          "lines": [ { "item": { "sku": "NXT:2050i" }, "quantity": 3, "value": { "amount": 195000000, "currency": "EUR" } } ] }
        """;

    private static string Edited(string text, string find, string replace)
    {
        var edited = text.Replace(find, replace, StringComparison.Ordinal);
        edited.ShouldNotBe(text, $"no '{find}' to replace");
        return edited;
    }

    private async Task<int> CountAsync(string path) => (await server.GetJsonAsync(path)).AsArray().Count;

    private async Task RejectedAsync(HttpResponseMessage response, string where, string message)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonNode.Parse(text)!["errors"]!.AsArray();
        errors.ShouldContain(e => e!["where"]!.GetValue<string>() == where && e["message"]!.GetValue<string>().Contains(message, StringComparison.Ordinal), text);
    }

    private async Task NothingStoredAsync(Func<Task> act)
    {
        var (audit, orders, licenses) = (await server.AuditRecordsAsync(), await CountAsync("/api/v1/orders"), await CountAsync("/api/v1/licenses"));
        await act();
        (await server.AuditRecordsAsync()).ShouldBe(audit);
        (await CountAsync("/api/v1/orders")).ShouldBe(orders);
        (await CountAsync("/api/v1/licenses")).ShouldBe(licenses);
    }

    public static TheoryData<string, string, string, string> BadTransactions() => new()
    {
        { "\"origin\": \"NL\"", "\"orgin\": \"NL\"", "body.item.orgin", "unknown field; did you mean 'origin'?" },
        { "\"advancedNodeFacility\": \"unknown\"", "\"advancedNodeFacilty\": \"unknown\"", "body.endUse.advancedNodeFacilty", "did you mean 'advancedNodeFacility'?" },
        { "\"country\": \"CN\",\n      \"address\": \"No. 18", "\"contry\": \"CN\",\n      \"address\": \"No. 18", "body.parties[0].contry", "did you mean 'country'?" },
        { "\"quantity\": 1,", "\"quantity\": 1, \"Parties\": [],", "body.Parties", "did you mean 'parties'?" },
        { "\"wavelengthNm\": 193", "\"wavelenghtNm\": 193", "body.item.parameters.wavelenghtNm", "no rule in force can test it; did you mean 'wavelengthNm'?" },
        { "\"date\": \"2023-09-15\"", "\"date\": \"2024-03-01\", \"date\": \"2022-01-01\"", "body.date", "given twice in one object" },
        { "\"id\": \"SO-2023-0915\"", "\"id\": \"SO-\\ud800\"", "body.id", "not valid Unicode" },
        { "\"id\": \"SO-2023-0915\"", "\"id\": \"SO-\\u0000\"", "body.id", "NUL character" },
        { "\"id\": \"SO-2023-0915\"", $"\"id\": \"{new string('7', 3000)}\"", "body.id", "an id is at most 200 characters" },
        { "\"numericalAperture\": 1.35", "\"numericalAperture\": 1e309", "body.item.parameters.numericalAperture", "is out of range" },
        { "\"date\": \"2023-09-15\"", "\"date\": \"0000-09-15\"", "body.date", "outside the dates Reticle accepts" },
    };

    [Theory]
    [MemberData(nameof(BadTransactions))]
    public async Task A_bad_determination_is_a_400_naming_the_place_and_nothing_is_stored(string find, string replace, string where, string message) =>
        await NothingStoredAsync(async () =>
            await RejectedAsync(await server.PostJsonAsync("/api/v1/determinations", "analyst", Edited(SampleJson, find, replace)), where, message));

    [Theory]
    [MemberData(nameof(BadTransactions))]
    public async Task A_bad_order_is_a_400_naming_the_place_and_nothing_is_stored(string find, string replace, string where, string message) =>
        await NothingStoredAsync(async () =>
            await RejectedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", Edited(SampleJson, find, replace)), where, message));

    [Fact]
    public async Task A_wrapper_given_twice_is_a_400() =>
        await NothingStoredAsync(async () => await RejectedAsync(
            await server.PostJsonAsync("/api/v1/determinations", "analyst", $$"""{"transactions": [{{SampleJson}}], "transactions": []}"""),
            "body.transactions", "given twice"));

    [Theory]
    [InlineData("\"quantity\": 3,", "\"quantity\": 1, \"quantity\": 100,", "body.lines[0].quantity", "given twice in one object")]
    [InlineData("\"validUntil\": \"2024-12-31\"", "\"validUntil\": \"9999-12-31\"", "body.validUntil", "outside the dates Reticle accepts")]
    [InlineData("\"holder\":", "\"holdr\": \"x\", \"holder\":", "body.holdr", "did you mean 'holder'?")]
    [InlineData("\"id\": \"NL-STRICT-1\"", "\"id\": \"NL-\\u0000\"", "body.id", "NUL character")]
    public async Task A_bad_licence_is_a_400_naming_the_place_and_nothing_is_stored(string find, string replace, string where, string message) =>
        await NothingStoredAsync(async () =>
            await RejectedAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", Edited(LicenseJson, find, replace)), where, message));

    [Theory]
    [InlineData("""{"name": "Huawei", "name": "Acme"}""", "body.name", "given twice in one object")]
    [InlineData("""{"nmae": "Huawei"}""", "body.nmae", "did you mean 'name'?")]
    [InlineData("""{"name": "Huawei", "threshold": 1e309}""", "body.threshold", "out of range")]
    [InlineData("""{"parties": [{"name": "Huawei", "contry": "CN"}]}""", "body.parties[0].contry", "did you mean 'country'?")]
    [InlineData("""{"name": "Huawei \ud800"}""", "body.name", "not valid Unicode")]
    public async Task A_bad_screening_is_a_400_naming_the_place(string body, string where, string message) =>
        await RejectedAsync(await server.PostJsonAsync("/api/v1/screenings", "analyst", body), where, message);

    [Theory]
    [InlineData("""{"knownAt": "9999-12-31"}""", "body.knownAt", "outside the dates Reticle accepts")]
    [InlineData("""{"knownAt": "2023-12-01", "knownAt": "2024-01-01"}""", "body.knownAt", "given twice in one object")]
    [InlineData("""{"knownAt": "2023-12-01", "vss": "2024-01-01"}""", "body.vss", "did you mean 'vs'?")]
    public async Task A_bad_impact_request_is_a_400_naming_the_place(string body, string where, string message) =>
        await RejectedAsync(await server.PostJsonAsync("/api/v1/impact", "analyst", body), where, message);

    [Fact]
    public async Task An_as_of_date_out_of_range_is_a_400_naming_it() =>
        await NothingStoredAsync(async () =>
            await RejectedAsync(await server.PostJsonAsync("/api/v1/determinations?asOf=9999-12-31", "analyst", SampleJson), "asOf", "outside the dates"));

    [Fact]
    public async Task Invalid_UTF8_is_a_400_naming_the_byte_offset_and_nothing_is_stored()
    {
        var bytes = Encoding.UTF8.GetBytes(SampleJson);
        var offset = SampleJson.IndexOf("Semiconductor", StringComparison.Ordinal);
        bytes[offset] = 0xC3;
        bytes[offset + 1] = 0x28;
        foreach (var path in new[] { "/api/v1/determinations", "/api/v1/orders", "/api/v1/screenings" })
        {
            await NothingStoredAsync(async () =>
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                await RejectedAsync(await server.SendAsync(HttpMethod.Post, path, "analyst", content), "body", $"invalid UTF-8 at byte offset {offset}");
            });
        }
    }

    [Fact]
    public async Task Extensions_are_accepted_in_a_determination()
    {
        var response = await server.PostJsonAsync("/api/v1/determinations", "analyst",
            Edited(SampleJson, "\"quantity\": 1,", "\"quantity\": 1, \"extensions\": { \"crm\": [1, {\"x\": null}] },"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

public sealed class InProcessStrictInputApiTests(InProcessServer server) : StrictInputApiTests(server), IClassFixture<InProcessServer>;

public sealed class PostgresStrictInputApiTests(PostgresServer server) : StrictInputApiTests(server), IClassFixture<PostgresServer>;
