using System.Net;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary><c>/api/v1/orders</c> and shipments: the same JSON as <c>reticle orders --json</c>, all-or-nothing adds, bad input.</summary>
public abstract class OrdersApiTests(ApiServer server)
{
    [Fact]
    public async Task Posted_orders_are_recorded_open_and_listed_as_the_command_line_lists_them()
    {
        var tag = Tag();
        var added = (await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst",
            $"{Order($"SO-A-{tag}", "2023-12-15", Party(tag))}\n{Order($"SO-B-{tag}", "2024-01-02", Party(tag))}\n"))).AsArray();
        added.Select(o => (o!["id"]!.GetValue<string>(), o["date"]!.GetValue<string>(), o["status"]!.GetValue<string>()))
            .ShouldBe([($"SO-A-{tag}", "2023-12-15", "open"), ($"SO-B-{tag}", "2024-01-02", "open")]);
        var record = (await server.Store.ReadAuditPageAsync(added[0]!["auditSequence"]!.GetValue<long>() - 1, 1)).Single();
        (record.Kind, record.Actor).ShouldBe(("order.added", "api:analyst"));

        var listed = await server.GetJsonAsync("/api/v1/orders");
        JsonNode.DeepEquals(listed, await server.CliJsonAsync("orders")).ShouldBeTrue(listed.ToJsonString());
        listed.AsArray().ShouldContain(o => o!["id"]!.GetValue<string>() == $"SO-A-{tag}" && o["latestOutcome"] == null);
        var open = await server.GetJsonAsync("/api/v1/orders?status=open");
        JsonNode.DeepEquals(open, await server.CliJsonAsync("orders", "--status", "open")).ShouldBeTrue(open.ToJsonString());
        open.AsArray().ShouldAllBe(o => o!["status"]!.GetValue<string>() == "open");
    }

    [Fact]
    public async Task The_order_list_is_streamed_as_the_very_text_the_whole_array_gives()
    {
        var tag = Tag();
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst",
            string.Join("\n", Enumerable.Range(1, 40).Select(i => Order($"SO-{i:D2}-{tag}", i % 2 == 0 ? "2023-12-15" : "2024-01-02", Party(tag)))) + "\n"));

        var response = await server.SendAsync(HttpMethod.Get, "/api/v1/orders", "viewer");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldBe(Reticle.Service.Wire.OrdersJson.List(await server.Store.GetOrdersAsync()).ToJsonString(Reticle.Cli.Api.ApiJson.Options));
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_problem_naming_it()
    {
        var problem = await ProblemAsync(await server.SendAsync(HttpMethod.Get, "/api/v1/orders?status=lost", "viewer"), HttpStatusCode.BadRequest);
        Where(problem).ShouldBe(["status"]);
    }

    [Fact]
    public async Task An_order_id_already_on_record_is_a_409_naming_it_and_nothing_is_stored()
    {
        var tag = Tag();
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", Order($"SO-{tag}", "2023-12-15", Party(tag))));
        var before = await server.AuditRecordsAsync();
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/orders", "analyst",
            $"[{Order($"SO-NEW-{tag}", "2023-12-15", Party(tag))}, {Order($"SO-{tag}", "2023-12-16", Party(tag))}]"), HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldContain($"order 'SO-{tag}' is already recorded");
        (await server.AuditRecordsAsync()).ShouldBe(before);
        (await server.GetJsonAsync("/api/v1/orders")).AsArray().ShouldNotContain(o => o!["id"]!.GetValue<string>() == $"SO-NEW-{tag}");
    }

    [Theory]
    [InlineData("\"to\":\"CN\"", "\"to\":\"XX\"", "body.to")]
    [InlineData("\"date\":\"2023-12-15\"", "\"date\":\"2023-02-30\"", "body.date")]
    [InlineData("\"quantity\":1", "\"quantity\":0", "body.quantity")]
    [InlineData("\"from\":\"NL\",", "\"from\":\"NL\"", "body:1:")]
    public async Task A_bad_order_is_a_400_problem_naming_the_field_and_nothing_is_stored(string valid, string invalid, string where)
    {
        var tag = Tag();
        var before = await server.AuditRecordsAsync();
        var body = Order($"SO-{tag}", "2023-12-15", Party(tag));
        body.ShouldContain(valid);
        var problem = await ProblemAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", body.Replace(valid, invalid, StringComparison.Ordinal)), HttpStatusCode.BadRequest);
        Where(problem).ShouldContain(w => w.StartsWith(where, StringComparison.Ordinal));
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_oversized_order_body_is_a_413_problem_and_nothing_is_stored()
    {
        var before = await server.AuditRecordsAsync();
        await ProblemAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", "{\"id\": \"" + new string('x', 9 * 1024 * 1024) + "\"}"), HttpStatusCode.RequestEntityTooLarge);
        (await server.AuditRecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Shipping_an_unknown_order_is_a_404_and_shipping_a_shipped_one_a_409()
    {
        await ProblemAsync(await server.SendAsync(HttpMethod.Post, "/api/v1/orders/SO-NOWHERE/shipments", "analyst"), HttpStatusCode.NotFound);

        var tag = Tag();
        await CreatedAsync(await server.PostJsonAsync("/api/v1/licenses", "reviewer", LicensesOnShippingDay($"NL-{tag}", Party(tag))));
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", Order($"SO-{tag}", "2023-12-15", Party(tag))));
        var shipped = await JsonAsync(await server.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-{tag}/shipments", "analyst"));
        shipped["shipped"]!.GetValue<bool>().ShouldBeTrue(shipped.ToJsonString());
        shipped["determination"]!["transaction"]!.GetValue<string>().ShouldBe($"SO-{tag}");
        var before = await server.AuditRecordsAsync();
        var again = await ProblemAsync(await server.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-{tag}/shipments", "analyst"), HttpStatusCode.Conflict);
        again["detail"]!.GetValue<string>().ShouldContain("shipped, not open");
        (await server.AuditRecordsAsync()).ShouldBe(before);
        (await server.GetJsonAsync("/api/v1/orders?status=shipped")).AsArray()
            .ShouldContain(o => o!["id"]!.GetValue<string>() == $"SO-{tag}" && o["latestOutcome"]!.GetValue<string>() == "licensed");
    }

    [Fact]
    public async Task A_backdated_order_is_decided_on_the_day_it_ships_not_on_its_planned_date_and_is_held()
    {
        // Planned on 2023-08-31, before the Dutch rule: permitted on that day. Shipped on 2026-11-25 (the test clock), when EU law
        // requires a licence for the NXT:2050i to China (Annex I from 2025-11-15; the Dutch list yields to it under Art. 9(1)):
        // a shipment is an act on the day it happens (CONTRACT §2).
        var tag = Tag();
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", Order($"SO-{tag}", "2023-08-31", Party(tag))));
        var planned = await JsonAsync(await server.PostJsonAsync("/api/v1/determinations", "analyst", Order($"SO-{tag}", "2023-08-31", Party(tag))));
        planned["outcome"]!.GetValue<string>().ShouldBe("permitted");

        var shipment = await JsonAsync(await server.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-{tag}/shipments", "analyst"));
        (shipment["shipped"]!.GetValue<bool>(), shipment["outcome"]!.GetValue<string>()).ShouldBe((false, "license-required"), shipment.ToJsonString());
        shipment["determination"]!["asOf"]!.GetValue<string>().ShouldBe("2026-11-25");
        shipment["determination"]!["jurisdictions"]!.AsArray()
            .Where(j => j!["outcome"]!.GetValue<string>() == "license-required").Select(j => j!["jurisdiction"]!.GetValue<string>()).ShouldBe(["EU"]);
        shipment["consumed"]!.AsArray().ShouldBeEmpty();
        var hold = shipment["hold"]!.GetValue<long>();
        (await server.GetJsonAsync("/api/v1/holds")).AsArray().ShouldContain(h => h!["id"]!.GetValue<long>() == hold && h["order"]!.GetValue<string>() == $"SO-{tag}");
        // The planned date is kept (impact analysis decides open orders on it); the order stays open.
        (await server.GetJsonAsync("/api/v1/orders?status=open")).AsArray()
            .ShouldContain(o => o!["id"]!.GetValue<string>() == $"SO-{tag}" && o["date"]!.GetValue<string>() == "2023-08-31" && o["latestOutcome"]!.GetValue<string>() == "license-required");
    }
}

public sealed class InProcessOrdersApiTests(InProcessServer server) : OrdersApiTests(server), IClassFixture<InProcessServer>;

public sealed class HttpOrdersApiTests(HttpServer server) : OrdersApiTests(server), IClassFixture<HttpServer>;

public sealed class PostgresOrdersApiTests(PostgresServer server) : OrdersApiTests(server), IClassFixture<PostgresServer>;
