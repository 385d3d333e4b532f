using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary>A <c>reticle serve</c> node over real HTTP on a PostgreSQL database another node may share.</summary>
public sealed class PostgresNode(string connectionString, IReadOnlyDictionary<string, string>? keys = null) : ApiServer(Transport.Http, keys)
{
    protected override string? Postgres => connectionString;
}

/// <summary>Two nodes on one fresh PostgreSQL database (the keys created once, through the first), as a scaled-out deployment runs.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public ApiServer A { get; private set; } = null!;

    public ApiServer B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = TestPostgres.CreateDatabase("reticle_nodes_");
        A = new PostgresNode(database);
        await A.InitializeAsync();
        B = new PostgresNode(database, A.Keys);
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

/// <summary>Two nodes on one PostgreSQL behave as one: nothing a node answers from comes from a stale copy of another node's writes.</summary>
public sealed class ScaleOutTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_license_drawn_down_by_a_shipment_through_one_node_shows_its_balance_and_covers_no_more_on_the_other()
    {
        var tag = Tag();
        var (id, party) = ($"NL-{tag}", Party(tag));
        await CreatedAsync(await nodes.A.PostJsonAsync("/api/v1/licenses", "reviewer", LicensesOnShippingDay(id, party)));
        // On 2026-11-25 the EU licence is the one drawn: from 2025-11-15 the Dutch list yields to Annex I (Art. 9(1)).
        var eu = $"{id}-EU";
        (await nodes.B.GetJsonAsync($"/api/v1/licenses/{eu}"))["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(3);
        // Decided on the day the shipment draws the line (the test clock's 2026-11-25), so that draw counts against it.
        var three = Order($"SO-THREE-{tag}", "2026-11-25", party, quantity: 3);
        (await JsonAsync(await nodes.B.PostJsonAsync("/api/v1/determinations", "analyst", three)))["outcome"]!.GetValue<string>().ShouldBe("licensed");

        await CreatedAsync(await nodes.A.PostJsonAsync("/api/v1/orders", "analyst", Order($"SO-{tag}", "2023-12-15", party)));
        var shipped = await JsonAsync(await nodes.A.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-{tag}/shipments", "analyst"));
        (shipped["shipped"]!.GetValue<bool>(), shipped["outcome"]!.GetValue<string>()).ShouldBe((true, "licensed"), shipped.ToJsonString());

        var seen = await nodes.B.GetJsonAsync($"/api/v1/licenses/{eu}");
        seen["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(2);
        seen["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued", "consumed"]);
        // Three units no longer fit on the line: B decides with the book as it stands, not as B first read it.
        (await JsonAsync(await nodes.B.PostJsonAsync("/api/v1/determinations", "analyst", three)))["outcome"]!.GetValue<string>().ShouldBe("license-required");
        (await nodes.B.GetJsonAsync("/api/v1/orders?status=shipped")).AsArray().ShouldContain(o => o!["id"]!.GetValue<string>() == $"SO-{tag}");
    }

    [Fact]
    public async Task A_hold_released_on_one_node_is_released_on_the_other_and_the_order_ships_there()
    {
        var tag = Tag();
        await CreatedAsync(await nodes.A.PostJsonAsync("/api/v1/orders", "analyst", Order($"SO-{tag}", "2024-01-02", Party(tag))));
        var held = await JsonAsync(await nodes.A.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-{tag}/shipments", "analyst"));
        held["shipped"]!.GetValue<bool>().ShouldBeFalse(held.ToJsonString());
        var hold = held["hold"]!.GetValue<long>();
        (await nodes.B.GetJsonAsync("/api/v1/holds")).AsArray().Single(h => h!["id"]!.GetValue<long>() == hold)!["status"]!.GetValue<string>().ShouldBe("held");

        var released = await nodes.B.PostJsonAsync($"/api/v1/holds/{hold}/release", "reviewer", """{"reasonCode": "licence-outside-system", "text": "paper licence on file"}""");
        released.StatusCode.ShouldBe(HttpStatusCode.OK, await released.Content.ReadAsStringAsync());

        var onA = (await nodes.A.GetJsonAsync("/api/v1/holds")).AsArray().Single(h => h!["id"]!.GetValue<long>() == hold)!;
        (onA["status"]!.GetValue<string>(), onA["releasedBy"]!.GetValue<string>(), onA["releaseStands"]!.GetValue<bool>()).ShouldBe(("released", "api:reviewer", true));
        var shipped = await JsonAsync(await nodes.A.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-{tag}/shipments", "analyst"));
        shipped["shipped"]!.GetValue<bool>().ShouldBeTrue(shipped.ToJsonString());
        shipped["releasedBy"]!["hold"]!.GetValue<long>().ShouldBe(hold);
    }

    [Fact]
    public async Task A_list_imported_through_one_node_is_used_in_screening_and_determinations_on_the_other()
    {
        const string Name = "Quasar Zyxelton Dynamics";
        var screen = new StringContent($$"""{"name": "{{Name}}"}""", Encoding.UTF8, "application/json");
        (await JsonAsync(await nodes.B.SendAsync(HttpMethod.Post, "/api/v1/screenings", "analyst", screen)))["hits"]!.AsArray().ShouldBeEmpty();

        var dpl = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "content", "lists", "bis-dpl-2022-09-07.txt"));
        var added = dpl.TrimEnd('\n', '\r') + "\n" + string.Join("\t", new[]
        {
            Name.ToUpperInvariant(), "1 NOWHERE STREET", "TBILISI", "", "GE", "", "01/01/2026", "", "Y", "2026-01-01", "F.R. NOTICE ADDED", "91 F.R. 1 1/1/2026",
        }.Select(f => $"\"{f}\"")) + "\n";
        var imported = await nodes.A.SendAsync(HttpMethod.Post, "/api/v1/lists/imports?format=bis-dpl&name=dpl.txt", "admin", new StringContent(added));
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var version = "sha256:" + (await JsonAsync(imported))[0]!["sha256"]!.GetValue<string>();

        // B checks the store's snapshots at most once a second (ApiState.ListCheckInterval), then rebuilds its index.
        var clock = Stopwatch.StartNew();
        JsonArray hits;
        do
        {
            await Task.Delay(250);
            hits = (await JsonAsync(await nodes.B.PostJsonAsync("/api/v1/screenings", "analyst", $$"""{"name": "{{Name}}"}""")))["hits"]!.AsArray();
        }
        while (hits.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60));
        hits.ShouldNotBeEmpty();
        hits[0]!["name"]!.GetValue<string>().ShouldBe(Name.ToUpperInvariant());
        var determined = await JsonAsync(await nodes.B.PostJsonAsync("/api/v1/determinations", "analyst", File.ReadAllText(Repository.Sample("nxt2050i-to-de-2024-02-01.json"))));
        determined["listVersions"]!["bis-dpl"]!.GetValue<string>().ShouldBe(version);
    }

    [Fact]
    public async Task A_key_revoked_through_the_command_line_is_refused_by_every_node_within_seconds()
    {
        var name = $"contractor-{Tag().ToLowerInvariant()}";
        var (code, output, error) = await nodes.A.RunCliAsync("keys", "create", "--name", name, "--role", "analyst");
        code.ShouldBe(0, error);
        var key = output.TrimEnd().Split('\n')[^1];
        (await MeAsync(nodes.A, key)).ShouldBe(HttpStatusCode.OK);
        (await MeAsync(nodes.B, key)).ShouldBe(HttpStatusCode.OK);

        (await nodes.B.RunCliAsync("keys", "revoke", name)).ExitCode.ShouldBe(0);

        var clock = Stopwatch.StartNew();
        while ((await MeAsync(nodes.A, key) != HttpStatusCode.Unauthorized || await MeAsync(nodes.B, key) != HttpStatusCode.Unauthorized)
               && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        (await MeAsync(nodes.A, key)).ShouldBe(HttpStatusCode.Unauthorized);
        (await MeAsync(nodes.B, key)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpStatusCode> MeAsync(ApiServer node, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return (await node.Client.SendAsync(request)).StatusCode;
    }
}
