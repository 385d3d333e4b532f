using NodaTime;
using NodaTime.Text;

namespace Reticle.Store.Sqlite;

/// <summary>
/// How the SQLite store writes NodaTime values: ISO-8601 text. Instants always carry six fractional
/// digits, so they sort as text and read back exactly at the microsecond precision the audit chain hashes.
/// </summary>
internal static class SqliteText
{
    private static readonly InstantPattern InstantPattern =
        InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'");

    public static string Of(Instant instant) => InstantPattern.Format(instant);

    public static string Of(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static Instant ToInstant(string text) => InstantPattern.Parse(text).GetValueOrThrow();

    public static LocalDate ToDate(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();
}
