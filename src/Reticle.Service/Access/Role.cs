namespace Reticle.Service.Access;

/// <summary>What an API key may do, each role including the ones before it: viewer &lt; analyst &lt; reviewer &lt; admin (docs/api.md has the matrix).</summary>
internal enum Role
{
    /// <summary>Reads everything: lists, licences, orders, holds, the audit log and its verification.</summary>
    Viewer,

    /// <summary>And the day-to-day work: determinations, screenings, recording and shipping orders, impact reports.</summary>
    Analyst,

    /// <summary>And the decisions a second person must take: recording and revoking licences, releasing holds (never their own: four eyes).</summary>
    Reviewer,

    /// <summary>And list imports, which change what every screening and determination uses.</summary>
    Admin,
}
