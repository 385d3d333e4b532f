namespace Reticle.Screening.Import;

/// <summary>
/// One list file as the shell read it: its name (as the user gave it, used in every error and, for
/// OFAC's file sets, to tell the files apart) and its raw bytes. Parsers never touch the file system.
/// </summary>
public sealed record ListFile(string Name, byte[] Content);
