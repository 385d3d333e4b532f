namespace Reticle.Store;

/// <summary>Where an order stands: only open orders are re-decided by impact analysis.</summary>
public enum OrderStatus
{
    Open,
    Shipped,
    Cancelled,
}

public static class OrderStatusNames
{
    public static string ToWire(this OrderStatus status) => status switch
    {
        OrderStatus.Open => "open",
        OrderStatus.Shipped => "shipped",
        _ => "cancelled",
    };

    public static OrderStatus Parse(string text) => text switch
    {
        "open" => OrderStatus.Open,
        "shipped" => OrderStatus.Shipped,
        "cancelled" => OrderStatus.Cancelled,
        _ => throw new FormatException($"unknown order status '{text}'"),
    };
}
