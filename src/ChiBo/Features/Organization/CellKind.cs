namespace ChiBo.Features.Organization;

/// <summary>Loại hình chi bộ: drives thematic topics and statistics.</summary>
public enum CellKind
{
    Residential,          // thôn, bản, ấp, tổ dân phố
    AdministrativeAgency, // cơ quan hành chính
    PublicService,        // đơn vị sự nghiệp (trường học, bệnh viện)
    StateEnterprise,      // doanh nghiệp nhà nước
    PrivateEnterprise,    // doanh nghiệp tư nhân
    ForeignEnterprise,    // doanh nghiệp có vốn đầu tư nước ngoài
    ArmedForces,          // lực lượng vũ trang
    Other,
}

public static class CellKindNames
{
    public static string Vietnamese(this CellKind kind) => kind switch
    {
        CellKind.Residential => "Thôn, bản, tổ dân phố",
        CellKind.AdministrativeAgency => "Cơ quan hành chính",
        CellKind.PublicService => "Đơn vị sự nghiệp",
        CellKind.StateEnterprise => "Doanh nghiệp nhà nước",
        CellKind.PrivateEnterprise => "Doanh nghiệp tư nhân",
        CellKind.ForeignEnterprise => "Doanh nghiệp có vốn đầu tư nước ngoài",
        CellKind.ArmedForces => "Lực lượng vũ trang",
        _ => "Loại hình khác",
    };

    public static CellKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = ChiBo.Features.Search.VietnameseText.Fold(text);
        foreach (var kind in Enum.GetValues<CellKind>())
            if (ChiBo.Features.Search.VietnameseText.Fold(kind.Vietnamese()) == key || kind.ToString().Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
                return kind;
        return null;
    }
}
