using System.Text.Json.Nodes;
using Reticle.Licensing;
using static Reticle.Tests.Licensing.Licenses;

namespace Reticle.Tests.Licensing;

public sealed class LicenseEventJsonTests
{
    private static string Json(LicenseEvent e) => LicenseEventJson.ToJson(e).ToJsonString();

    public static TheoryData<string> Events() => ["issued", "amended", "reserved", "consumed", "released", "revoked-lines", "revoked-party", "revoked-whole"];

    private static LicenseEvent Make(string kind) => kind switch
    {
        "issued" => new LicenseIssued(Nl),
        "amended" => new LicenseAmended(Nl with { Conditions = ["amended"] }, new NodaTime.LocalDate(2024, 2, 1), new NodaTime.LocalDate(2024, 1, 20), "new condition"),
        "reserved" => Reserved(1, "SO-1"),
        "consumed" => Consumed(2, "SO-2", "2023-11-01", "2023-11-03"),
        "released" => Released(1, "SO-1"),
        "revoked-lines" => RevokeLine1(),
        "revoked-party" => new LicenseRevoked(Id, RevocationScope.ForParty(EndUser), new NodaTime.LocalDate(2024, 1, 1), new NodaTime.LocalDate(2024, 1, 1), null),
        _ => new LicenseRevoked(Id, RevocationScope.Whole, new NodaTime.LocalDate(2024, 1, 1), new NodaTime.LocalDate(2023, 12, 20), "whole"),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_reads_back_as_it_was_written(string kind)
    {
        var e = Make(kind);
        var back = LicenseEventJson.FromJson((JsonObject)JsonNode.Parse(Json(e))!);

        back.GetType().ShouldBe(e.GetType());
        Json(back).ShouldBe(Json(e));
        (back.LicenseId, back.Effective, back.Announced).ShouldBe((e.LicenseId, e.Effective, e.Announced));
    }

    [Fact]
    public void A_book_rebuilt_from_stored_events_gives_the_same_state()
    {
        LicenseEvent[] events = [new LicenseIssued(Nl), Consumed(1, "SO-1"), RevokeLine1()];
        var stored = events.Select(e => LicenseEventJson.FromJson((JsonObject)JsonNode.Parse(Json(e))!)).ToArray();
        var date = new NodaTime.LocalDate(2024, 1, 2);

        var state = Book(stored).StateOf(Id, date, null)!;
        state.Status.ShouldBe(Book(events).StateOf(Id, date, null)!.Status);
        state.Lines[0].RemainingQuantity.ShouldBe(2);
        state.Lines[0].Revocation.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("""{"type": "expired", "license": "X", "effective": "2024-01-01", "announced": "2024-01-01"}""")]
    [InlineData("""{"type": "consumed", "license": "X", "effective": "2024-01-01", "announced": "2024-01-01"}""")]
    [InlineData("""{"type": "revoked", "license": "X", "effective": "2024-13-01", "announced": "2024-01-01", "scope": {"whole": true}}""")]
    public void A_malformed_stored_event_is_a_broken_store_not_a_silent_default(string json)
    {
        Should.Throw<Exception>(() => LicenseEventJson.FromJson((JsonObject)JsonNode.Parse(json)!));
    }
}
