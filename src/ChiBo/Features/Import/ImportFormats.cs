namespace ChiBo.Features.Import;

/// <summary>The Vietnamese column headers of the two import files (documented in the README).</summary>
public static class ImportFormats
{
    public static class Units
    {
        public const string Code = "Mã đơn vị";
        public const string Name = "Tên đơn vị";
        public const string Type = "Loại tổ chức";
        public const string ParentCode = "Mã đơn vị cấp trên";
        public const string Issuer = "Ký hiệu";
        public const string CellKind = "Loại hình chi bộ";
        public const string Place = "Địa danh";
        public const string From = "Ngày thành lập";
        public static readonly string[] Required = [Code, Name, Type, ParentCode, From];
    }

    public static class Members
    {
        public const string FullName = "Họ và tên";
        public const string DateOfBirth = "Ngày sinh";
        public const string Sex = "Giới tính";
        public const string Ethnicity = "Dân tộc";
        public const string AdmittedOn = "Ngày vào Đảng";
        public const string OfficialOn = "Ngày chính thức";
        public const string PartyCard = "Số thẻ đảng";
        public const string CitizenId = "Số CCCD";
        public const string Phone = "Điện thoại";
        public const string CellCode = "Mã chi bộ";
        public const string JoinedOn = "Ngày bắt đầu sinh hoạt";
        public static readonly string[] Required = [FullName, DateOfBirth, Sex, AdmittedOn, CellCode];

        /// <summary>The column a member rule's field is read from.</summary>
        public static string Header(Features.Members.MemberRules.Field f) => f switch
        {
            Features.Members.MemberRules.Field.FullName => FullName,
            Features.Members.MemberRules.Field.DateOfBirth => DateOfBirth,
            Features.Members.MemberRules.Field.Ethnicity => Ethnicity,
            Features.Members.MemberRules.Field.AdmittedOn => AdmittedOn,
            Features.Members.MemberRules.Field.OfficialOn => OfficialOn,
            Features.Members.MemberRules.Field.PartyCard => PartyCard,
            Features.Members.MemberRules.Field.CitizenId => CitizenId,
            Features.Members.MemberRules.Field.Phone => Phone,
            _ => JoinedOn,
        };
    }
}
