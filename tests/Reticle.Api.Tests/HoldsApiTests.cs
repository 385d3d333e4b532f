using System.Net;
using System.Text.Json.Nodes;
using static Reticle.Api.Tests.Stories;

namespace Reticle.Api.Tests;

/// <summary><c>/api/v1/holds</c>: the same JSON as <c>reticle holds --json</c>; releases by a second key only (four eyes).</summary>
public abstract class HoldsApiTests(ApiServer server)
{
    /// <summary>An unlicensed order shipped by <paramref name="requester"/>: NL licence required, so it is held.</summary>
    private async Task<(long Hold, string Order)> HeldOrderAsync(string requester)
    {
        var tag = Tag();
        await CreatedAsync(await server.PostJsonAsync("/api/v1/orders", "analyst", Order($"SO-{tag}", "2024-01-02", Party(tag))));
        var shipped = await JsonAsync(await server.SendAsync(HttpMethod.Post, $"/api/v1/orders/SO-{tag}/shipments", requester));
        shipped["shipped"]!.GetValue<bool>().ShouldBeFalse(shipped.ToJsonString());
        return (shipped["hold"]!.GetValue<long>(), $"SO-{tag}");
    }

    [Fact]
    public async Task A_stopped_order_is_held_and_released_by_a_second_key_and_the_holds_list_as_the_command_line_lists_them()
    {
        var (hold, order) = await HeldOrderAsync("analyst");
        var held = (await server.GetJsonAsync("/api/v1/holds")).AsArray().Single(h => h!["id"]!.GetValue<long>() == hold)!;
        (held["order"]!.GetValue<string>(), held["status"]!.GetValue<string>(), held["requestedBy"]!.GetValue<string>()).ShouldBe((order, "held", "api:analyst"));
        // Held on the shipping day (2026-11-25), when the EU licence is what the NXT:2050i to China needs.
        held["reason"]!.GetValue<string>().ShouldContain("EU: license-required");

        var released = await JsonAsync(await server.PostJsonAsync($"/api/v1/holds/{hold}/release", "reviewer",
            """{"reasonCode": "licence-outside-system", "text": "paper licence on file"}"""));
        (released["hold"]!.GetValue<long>(), released["status"]!.GetValue<string>(), released["by"]!.GetValue<string>()).ShouldBe((hold, "released", "api:reviewer"));
        var record = (await server.Store.ReadAuditPageAsync(released["auditSequence"]!.GetValue<long>() - 1, 1)).Single();
        (record.Kind, record.Actor).ShouldBe(("hold.released", "api:reviewer"));

        var listed = await server.GetJsonAsync("/api/v1/holds");
        JsonNode.DeepEquals(listed, await server.CliJsonAsync("holds")).ShouldBeTrue(listed.ToJsonString());
        var now = listed.AsArray().Single(h => h!["id"]!.GetValue<long>() == hold)!;
        (now["status"]!.GetValue<string>(), now["releasedBy"]!.GetValue<string>(), now["releaseStands"]!.GetValue<bool>()).ShouldBe(("released", "api:reviewer", true));

        var shipped = await JsonAsync(await server.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order}/shipments", "analyst"));
        shipped["shipped"]!.GetValue<bool>().ShouldBeTrue(shipped.ToJsonString());
        shipped["releasedBy"]!["by"]!.GetValue<string>().ShouldBe("api:reviewer");
    }

    [Fact]
    public async Task The_key_that_requested_the_determination_may_not_release_its_hold()
    {
        var (hold, _) = await HeldOrderAsync("reviewer");
        var before = await server.AuditRecordsAsync();
        var problem = await ProblemAsync(await server.PostJsonAsync($"/api/v1/holds/{hold}/release", "reviewer", """{"reasonCode": "x", "text": "y"}"""), HttpStatusCode.Forbidden);
        problem["detail"]!.GetValue<string>().ShouldContain("api:reviewer requested the determination");
        problem["detail"]!.GetValue<string>().ShouldContain("four eyes");
        (await server.AuditRecordsAsync()).ShouldBe(before);
        (await server.GetJsonAsync("/api/v1/holds")).AsArray().Single(h => h!["id"]!.GetValue<long>() == hold)!["status"]!.GetValue<string>().ShouldBe("held");
        (await JsonAsync(await server.PostJsonAsync($"/api/v1/holds/{hold}/release", "admin", """{"reasonCode": "x", "text": "y"}""")))["by"]!.GetValue<string>().ShouldBe("api:admin");
    }

    [Fact]
    public async Task Releasing_an_unknown_hold_is_a_404_and_a_released_one_a_409()
    {
        await ProblemAsync(await server.PostJsonAsync("/api/v1/holds/987654/release", "reviewer", """{"reasonCode": "x", "text": "y"}"""), HttpStatusCode.NotFound);
        var (hold, _) = await HeldOrderAsync("analyst");
        await JsonAsync(await server.PostJsonAsync($"/api/v1/holds/{hold}/release", "reviewer", """{"reasonCode": "x", "text": "y"}"""));
        var again = await ProblemAsync(await server.PostJsonAsync($"/api/v1/holds/{hold}/release", "admin", """{"reasonCode": "x", "text": "y"}"""), HttpStatusCode.Conflict);
        again["detail"]!.GetValue<string>().ShouldContain("released, not held");
    }

    [Fact]
    public async Task An_oversized_release_is_a_413_problem_and_the_hold_stays()
    {
        var (hold, _) = await HeldOrderAsync("analyst");
        var huge = $$"""{"reasonCode": "x", "text": "{{new string('y', 70 * 1024)}}"}""";
        await ProblemAsync(await server.PostJsonAsync($"/api/v1/holds/{hold}/release", "reviewer", huge), HttpStatusCode.RequestEntityTooLarge);
        (await server.GetJsonAsync("/api/v1/holds")).AsArray().Single(h => h!["id"]!.GetValue<long>() == hold)!["status"]!.GetValue<string>().ShouldBe("held");
    }

    [Theory]
    [InlineData("""{"reasonCode": "x"}""", "body.text")]
    [InlineData("""{"reasonCode": " ", "text": "y"}""", "body.reasonCode")]
    [InlineData("""{"reasonCode": "x", "text": "y", "by": "someone-else"}""", "body.by")]
    [InlineData("""{"reasonCode": "x", """, "body:1:")]
    public async Task A_bad_release_is_a_400_problem_naming_the_field_and_the_hold_stays(string body, string where)
    {
        var (hold, _) = await HeldOrderAsync("analyst");
        var problem = await ProblemAsync(await server.PostJsonAsync($"/api/v1/holds/{hold}/release", "reviewer", body), HttpStatusCode.BadRequest);
        Where(problem).ShouldContain(w => w.StartsWith(where, StringComparison.Ordinal));
        (await server.GetJsonAsync("/api/v1/holds")).AsArray().Single(h => h!["id"]!.GetValue<long>() == hold)!["status"]!.GetValue<string>().ShouldBe("held");
    }
}

public sealed class InProcessHoldsApiTests(InProcessServer server) : HoldsApiTests(server), IClassFixture<InProcessServer>;

public sealed class HttpHoldsApiTests(HttpServer server) : HoldsApiTests(server), IClassFixture<HttpServer>;
