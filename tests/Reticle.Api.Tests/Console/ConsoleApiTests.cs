using System.Net;
using System.Text.Json.Nodes;

namespace Reticle.Api.Tests.Console;

/// <summary>What the console needs from the host besides the contract's endpoints: its files at <c>/</c>, <c>/me</c>, and the rules timeline.</summary>
public sealed class ConsoleApiTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private async Task<JsonNode> GetJsonAsync(string path, string role)
    {
        var response = await server.SendAsync(HttpMethod.Get, path, role);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task The_console_is_served_at_the_root_without_a_key()
    {
        var page = await server.SendAsync(HttpMethod.Get, "/", null);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<main id=\"main\"");
        html.ShouldContain("js/app.js");
        var script = await server.SendAsync(HttpMethod.Get, "/js/pages/rules.js", null);
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("reviewer")]
    [InlineData("admin")]
    public async Task Me_names_the_key_and_its_own_role(string role)
    {
        var me = await GetJsonAsync("/api/v1/me", role);
        me["name"]!.GetValue<string>().ShouldBe(role);
        me["role"]!.GetValue<string>().ShouldBe(role);
        (await server.SendAsync(HttpMethod.Get, "/api/v1/me", "no-such-key")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await server.SendAsync(HttpMethod.Get, "/api/v1/me", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_rules_timeline_reads_periods_thresholds_and_overlay_bands_off_the_packs()
    {
        var timeline = await GetJsonAsync("/api/v1/rules/timeline", "viewer");
        timeline["kind"]!.GetValue<string>().ShouldBe("lithography");
        var bands = timeline["overlayBands"]!.AsArray().Select(b => (b!["above"]?.GetValue<decimal>(), b["atMost"]?.GetValue<decimal>())).ToList();
        bands.ShouldBe([(null, 1.50m), (1.50m, 2.40m), (2.40m, null)]);

        var packs = timeline["packs"]!.AsArray();
        packs.Select(p => p!["jurisdiction"]!.GetValue<string>()).Distinct().ShouldBe(["EU", "JP", "NL", "US"]);
        var nl2023 = packs.Single(p => p!["pack"]!.GetValue<string>() == "nl.sme-2023")!;
        nl2023["published"]!.GetValue<string>().ShouldBe("2023-06-30");
        var control = nl2023["controls"]!.AsArray().Single()!;
        control["id"]!.GetValue<string>().ShouldBe("NL-SME-2023 3B001.f.4");
        control["from"]!.GetValue<string>().ShouldBe("2023-09-01");
        control["until"]!.GetValue<string>().ShouldBe("2024-09-07");
        control["bounds"]!.AsArray().Select(b => $"{b!["parameter"]} {b["operator"]} {b["value"]}").ShouldBe(
            ["wavelengthNm >= 193", "mrf(K = 0.25) <= 45", "dedicatedChuckOverlayNm <= 1.50"]);
        control["overlayBands"]!.AsArray().Select(i => i!.GetValue<int>()).ShouldBe([0]);
        control["requirements"]![0]!["id"]!.GetValue<string>().ShouldBe("nl.sme.duv-lithography");
        control["requirements"]![0]!["effect"]!.GetValue<string>().ShouldBe("license-required");

        var nl2024 = packs.Single(p => p!["pack"]!.GetValue<string>() == "nl.sme-2024")!["controls"]![0]!;
        nl2024["until"]!.GetValue<string>().ShouldBe("2025-04-01"); // superseded by nl.sme-2025 (metrology and inspection)
        nl2024["overlayBands"]!.AsArray().Select(i => i!.GetValue<int>()).ShouldBe([0, 1]);
        // The US 1.50-2.40 nm paragraph reaches the middle band only; an entry without an overlay limit is in no band.
        var us = packs.Where(p => p!["jurisdiction"]!.GetValue<string>() == "US").SelectMany(p => p!["controls"]!.AsArray()).ToList();
        us.First(c => c!["id"]!.GetValue<string>() == "US-CCL 3B001.f.1.b.2.b")!["overlayBands"]!.AsArray().Select(i => i!.GetValue<int>()).ShouldBe([1]);
        us.First(c => c!["id"]!.GetValue<string>() == "US-CCL 3B001.f.1.a")!["overlayBands"].ShouldBeNull();
        // Only lithography entries: the JP etch and deposition items are not in it.
        packs.SelectMany(p => p!["controls"]!.AsArray()).ShouldAllBe(c => c!["when"]!.GetValue<string>().Contains("kind == lithography"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_me_and_the_rules_timeline()
    {
        var paths = (await GetJsonAsync("/openapi/v1.json", "viewer"))["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/me");
        paths.ShouldContain("/api/v1/rules/timeline");
    }

    [Fact]
    public async Task The_rules_timeline_takes_another_kind_and_needs_a_key()
    {
        var etch = await GetJsonAsync("/api/v1/rules/timeline?kind=etch", "viewer");
        etch["packs"]!.AsArray().ShouldNotBeEmpty();
        // Etch entries: JP, US and, from 2025-11-15, EU Annex I 3B501.k.
        etch["packs"]!.AsArray().Select(p => p!["jurisdiction"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal).ShouldBe(["EU", "JP", "US"]);
        etch["overlayBands"]!.AsArray().ShouldBeEmpty();
        (await server.SendAsync(HttpMethod.Get, "/api/v1/rules/timeline", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
