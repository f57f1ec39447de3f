using ChiBo.Features.Search;

namespace ChiBo.Tests.Platform;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn Đức", "nguyen van duc")]
    [InlineData("  ĐẢNG ỦY   xã Bình Lư ", "dang uy xa binh lu")]
    [InlineData("Tòng Thị Xuân", "tong thi xuan")]
    public void FoldRemovesMarksAndCase(string input, string expected) => Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void SortKeysOrderGivenNamesTheVietnameseWay()
    {
        string[] names = ["Lê Văn Đức", "Trần Thị Ánh", "Phạm Văn Bình", "Nguyễn Văn An", "Hoàng Văn Dũng", "Lò Văn Ấn"];
        var sorted = names.OrderBy(n => VietnameseText.PersonSortKey(n), ByteComparer.Instance).ToList();
        Assert.Equal(["Nguyễn Văn An", "Trần Thị Ánh", "Lò Văn Ấn", "Phạm Văn Bình", "Hoàng Văn Dũng", "Lê Văn Đức"], sorted);
    }

    sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
