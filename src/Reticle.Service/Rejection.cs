namespace Reticle.Service;

/// <summary>
/// What kind of <see cref="Refusal"/> it is. The command line answers every kind with exit
/// code 1; the HTTP API answers each with its own status (400, 404, 409, 403).
/// </summary>
internal enum Rejection
{
    /// <summary>The input is malformed or breaks a rule (400).</summary>
    Invalid,

    /// <summary>It names a licence, order or hold that is not on record (404).</summary>
    NotFound,

    /// <summary>It clashes with what is on record: a duplicate id, a hold already released, a line already drawn (409).</summary>
    Conflict,

    /// <summary>The actor may not do this to this record, whatever their role: four eyes (403).</summary>
    Forbidden,
}
