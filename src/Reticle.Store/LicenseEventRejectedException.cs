namespace Reticle.Store;

/// <summary>
/// Licence events the licence book refuses as it stands when they are written (an unknown licence or
/// line, a duplicate id, a use that would overdraw a line...). Checked under the write lock, so two
/// writers cannot both draw the last unit. Nothing was written.
/// </summary>
public sealed class LicenseEventRejectedException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
