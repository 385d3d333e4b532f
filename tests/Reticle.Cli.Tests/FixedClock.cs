using NodaTime;

namespace Reticle.Cli.Tests;

/// <summary>A clock that says what the test tells it: the CLI reads time only through <see cref="IClock"/>.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
