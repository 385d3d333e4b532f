using System.Net;
using System.Text.Json.Nodes;

namespace Reticle.Api.Tests;

/// <summary>
/// Ownership through the API: a subsidiary of a listed company that no name screening finds is caught by the BIS Affiliates
/// rule with its path, in determinations, screenings and the owners endpoint, as the command line decides it.
/// </summary>
public sealed class OwnershipApiTests(InProcessServer server) : IClassFixture<InProcessServer>, IAsyncLifetime
{
    private static readonly string Order = Repository.Sample(Path.Combine("ownership", "oring-to-pearl-river.json"));

    public async Task InitializeAsync()
    {
        if ((await server.GetJsonAsync("/api/v1/owners/snapshots")).AsArray().Count == 0)
        {
            var (code, _, error) = await server.RunCliAsync("owners", "import", Repository.Sample(Path.Combine("ownership", "owners.csv")), "--format", "csv");
            code.ShouldBe(0, error);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonNode> DecideAsync(string query = "")
    {
        using var response = await server.PostJsonAsync($"/api/v1/determinations{query}", "analyst", await File.ReadAllTextAsync(Order));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task A_determination_for_an_unlisted_subsidiary_requires_a_licence_with_the_ownership_path()
    {
        var decided = await DecideAsync();

        ((string)decided["outcome"]!).ShouldBe("license-required");
        decided["screening"]!.AsArray().ShouldNotContain(h => (string)h!["status"]! == "match");
        var ownership = decided["ownership"]!.AsArray().Single(o => (string)o!["regime"]! == "bis-affiliates")!;
        ((string)ownership["role"]!).ShouldBe("end-user");
        ((string)ownership["because"]!).ShouldBe("owned 60 % by Semiconductor Manufacturing International Corporation (EL, footnote 5)");
        ((string)ownership["listedOwners"]![0]!["licensePolicy"]!).ShouldNotBeNullOrEmpty();
        var finding = decided["jurisdictions"]!.AsArray().Single(j => (string)j!["jurisdiction"]! == "US")!["findings"]!.AsArray()
            .Single(f => (string)f!["rule"]! == "us.affiliates.entity-list")!;
        ((string)finding["status"]!).ShouldBe("applies");
        ((string)finding["citation"]!).ShouldStartWith("15 C.F.R. 744.11(a)(1)");
        ((string)decided["ruleVersions"]!["US"]!).ShouldContain("us.affiliates-2026");
    }

    [Theory]
    [InlineData("2025-09-28", "permitted")]
    [InlineData("2025-10-15", "license-required")]
    [InlineData("2026-03-01", "permitted")]
    [InlineData("2026-11-10", "license-required")]
    public async Task The_API_decides_each_side_of_the_Affiliates_rule_dates_as_the_command_line_does(string date, string outcome)
    {
        var decided = await DecideAsync($"?asOf={date}");
        var cli = await server.CliJsonAsync("check", Order, "--as-of", date);

        ((string)decided["outcome"]!).ShouldBe(outcome);
        ((string)cli["outcome"]!).ShouldBe(outcome);
    }

    [Fact]
    public async Task Screening_the_subsidiary_finds_no_listed_name_but_reports_its_listed_parent()
    {
        using var response = await server.PostJsonAsync("/api/v1/screenings", "analyst",
            """{"parties": [{"id": "sub", "name": "Pearl River Precision Parts Co. Ltd.", "country": "CN"}, {"id": "clean", "name": "Acme Precision Optics of Ohio", "country": "US"}]}""");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sub = json["results"]![0]!;
        sub["hits"]!.AsArray().ShouldNotContain(h => (double)h!["score"]! >= 0.95);
        ((string)sub["ownership"]![0]!["status"]!).ShouldBe("owned");
        ((string)sub["ownership"]![0]!["paths"]![0]![0]!["owner"]!).ShouldBe("Semiconductor Manufacturing International Corporation");
        json["results"]![1]!["ownership"].ShouldBeNull();
    }

    [Fact]
    public async Task The_owners_endpoint_answers_what_owners_show_prints()
    {
        const string Name = "Pearl River Tooling (Zhuhai) Co. Ltd.";
        var api = await server.GetJsonAsync($"/api/v1/owners?name={Uri.EscapeDataString(Name)}&country=CN&date=2026-11-25");
        var cli = await server.CliJsonAsync("owners", "show", Name, "--country", "CN", "--as-of", "2026-11-25");

        api.ToJsonString().ShouldBe(cli.ToJsonString());
        ((decimal)api["findings"]![0]!["percent"]!).ShouldBe(55m);
        api["findings"]![0]!["paths"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_owners_endpoint_refuses_a_bad_date_naming_the_parameter()
    {
        using var response = await server.SendAsync(HttpMethod.Get, "/api/v1/owners?name=X&date=2026-02-30", "viewer");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ((string)json["errors"]![0]!["where"]!).ShouldBe("date");
    }
}
