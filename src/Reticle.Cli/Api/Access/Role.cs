namespace Reticle.Cli.Api.Access;

/// <summary>What an API key may do, each role including the ones before it: viewer &lt; analyst &lt; reviewer &lt; admin.</summary>
internal enum Role
{
    /// <summary>Reads: lists, audit verification.</summary>
    Viewer,

    /// <summary>And determinations and screenings (determinations are stored with their audit records).</summary>
    Analyst,

    /// <summary>And reviewer decisions (screening hits, holds) as they come.</summary>
    Reviewer,

    /// <summary>And list imports.</summary>
    Admin,
}
