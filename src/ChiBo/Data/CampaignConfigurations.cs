using ChiBo.Features.Campaigns;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Data;

class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Implements).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.OwnerUnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReportOutline>().WithMany().HasForeignKey(x => x.OutlineId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Levels).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

class CampaignLevelConfiguration : IEntityTypeConfiguration<CampaignLevel>
{
    public void Configure(EntityTypeBuilder<CampaignLevel> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.UnitTypeCodes).HasMaxLength(500);
        b.Ignore(x => x.Codes);
    }
}

class ReportOutlineConfiguration : IEntityTypeConfiguration<ReportOutline>
{
    public void Configure(EntityTypeBuilder<ReportOutline> b)
    {
        b.Property(x => x.Name).HasMaxLength(500);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.OutlineId).OnDelete(DeleteBehavior.Cascade);
    }
}

class OutlineSectionConfiguration : IEntityTypeConfiguration<OutlineSection>
{
    public void Configure(EntityTypeBuilder<OutlineSection> b)
    {
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Guidance).HasMaxLength(2000);
        b.Property(x => x.Statistic).HasConversion<string>().HasMaxLength(30);
    }
}

class CampaignReportConfiguration : IEntityTypeConfiguration<CampaignReport>
{
    public void Configure(EntityTypeBuilder<CampaignReport> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.ReviewComment).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CampaignLevel>().WithMany().HasForeignKey(x => x.LevelId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

class ReportSectionConfiguration : IEntityTypeConfiguration<ReportSection>
{
    public void Configure(EntityTypeBuilder<ReportSection> b)
    {
        b.ToTable("CampaignReportSections");
        b.HasIndex(x => new { x.ReportId, x.SectionId }).IsUnique();
        b.HasOne<OutlineSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

class ReportCommentConfiguration : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> b)
    {
        b.ToTable("CampaignReportComments");
        b.Property(x => x.AuthorUserId).HasMaxLength(450);
        b.Property(x => x.AuthorName).HasMaxLength(256);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
    }
}

class DocumentTypeConfiguration : IEntityTypeConfiguration<ChiBo.Features.Documents.DocumentType>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Documents.DocumentType> b)
    {
        b.Property(x => x.Code).HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

class IssuerTermConfiguration : IEntityTypeConfiguration<ChiBo.Features.Documents.IssuerTerm>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Documents.IssuerTerm> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => new { x.UnitId, x.From });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

class PartyDocumentConfiguration : IEntityTypeConfiguration<ChiBo.Features.Documents.PartyDocument>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Documents.PartyDocument> b)
    {
        b.Property(x => x.TypeCode).HasMaxLength(10);
        b.Property(x => x.Office).HasMaxLength(10);
        b.Property(x => x.Symbol).HasMaxLength(60);
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.Property(x => x.Place).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SignatureForm).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.HeaderParent).HasMaxLength(200);
        b.Property(x => x.HeaderIssuer).HasMaxLength(200);
        b.Property(x => x.Addressee).HasMaxLength(500);
        b.Property(x => x.SignerFor).HasMaxLength(200);
        b.Property(x => x.SignerPosition).HasMaxLength(200);
        b.Property(x => x.SignerName).HasMaxLength(200);
        b.Property(x => x.SourceKind).HasMaxLength(40);
        b.HasIndex(x => new { x.SourceKind, x.SourceId });
        b.Property(x => x.ExternalIssuer).HasMaxLength(300);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        // The register: an issuer's documents by type and number.
        b.HasIndex(x => new { x.IssuerUnitId, x.TypeCode, x.TermId, x.Number });
        b.HasIndex(x => x.Symbol);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChiBo.Features.Documents.IssuerTerm>().WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

class DocumentCounterConfiguration : IEntityTypeConfiguration<ChiBo.Features.Documents.DocumentCounter>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Documents.DocumentCounter> b)
    {
        b.Property(x => x.TypeCode).HasMaxLength(10);
        b.Property(x => x.Office).HasMaxLength(10);
        b.HasIndex(x => new { x.IssuerUnitId, x.Office, x.TypeCode, x.TermKey }).IsUnique();
    }
}

class DocumentLinkConfiguration : IEntityTypeConfiguration<ChiBo.Features.Documents.DocumentLink>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Documents.DocumentLink> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.DocumentId, x.TargetId }).IsUnique();
        b.HasIndex(x => x.TargetId);
        b.HasOne<ChiBo.Features.Documents.PartyDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChiBo.Features.Documents.PartyDocument>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

class SigningKeyConfiguration : IEntityTypeConfiguration<ChiBo.Features.Documents.SigningKey>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Documents.SigningKey> b)
    {
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Thumbprint).HasMaxLength(64);
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => x.Thumbprint).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

class DocumentSignatureConfiguration : IEntityTypeConfiguration<ChiBo.Features.Documents.DocumentSignature>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Documents.DocumentSignature> b)
    {
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.DocumentId);
        b.HasIndex(x => x.Sha256);
        b.HasOne<ChiBo.Features.Documents.PartyDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChiBo.Features.Documents.SigningKey>().WithMany().HasForeignKey(x => x.KeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

class CellMonthStatConfiguration : IEntityTypeConfiguration<ChiBo.Features.Statistics.CellMonthStat>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Statistics.CellMonthStat> b) => b.HasIndex(x => new { x.CellId, x.Month }).IsUnique();
}

class NodeMonthStatConfiguration : IEntityTypeConfiguration<ChiBo.Features.Statistics.NodeMonthStat>
{
    public void Configure(EntityTypeBuilder<ChiBo.Features.Statistics.NodeMonthStat> b) => b.HasIndex(x => new { x.NodeId, x.Month }).IsUnique();
}
