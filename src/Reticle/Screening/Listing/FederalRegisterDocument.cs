using NodaTime;

namespace Reticle.Screening.Listing;

/// <summary>
/// Pages of one Federal Register document and the dates it bears: the day its issue was published and,
/// where the source states it, the day the rule took effect. Bureau of Industry and Security rules often take
/// effect on the day they are displayed for public inspection, days before publication (90 FR 14046: effective
/// 2025-03-25, published 2025-03-28).
/// </summary>
/// <param name="FirstPage">The first page of the document known from the source.</param>
/// <param name="LastPage">The last page known from the source (the first again where only that is known); inclusive.</param>
/// <param name="Document">The Federal Register document number ("2025-00704"), or empty where the source does not give it.</param>
/// <param name="Source">Where the pages and dates were read (a URL).</param>
public sealed record FederalRegisterDocument(int Volume, int FirstPage, int LastPage, LocalDate Published, LocalDate? Effective, string Document, string Source)
{
    public bool Holds(FederalRegisterCitation citation) =>
        citation.Volume == Volume && citation.Page is { } page && page >= FirstPage && page <= LastPage;
}
