# Award follow-up (contract, payments, reports, results), funding outside calls, funding opportunities.

import calls.models.calls
import core.redaction
import core.registry_numbers
import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('calls', '0001_initial'),
        ('documents', '0002_publication'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='FundingOpportunityIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'funding opportunities index',
                'verbose_name_plural': 'funding opportunities indexes',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='FundingOpportunityPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('donor', models.CharField(help_text='E.g. the European Commission.', max_length=250, verbose_name='donor')),
                ('programme', models.CharField(help_text='E.g. Citizens, Equality, Rights and Values (CERV).', max_length=250, verbose_name='programme')),
                ('summary', models.TextField(max_length=2000, validators=[core.redaction.no_contact_data], verbose_name='summary')),
                ('eligible_applicants', models.TextField(max_length=1000, validators=[core.redaction.no_contact_data], verbose_name='who may apply')),
                ('closes_at', models.DateTimeField(help_text="The donor's deadline for applications, Belgrade time.", verbose_name='deadline')),
                ('programme_url', models.URLField(help_text="The donor's page; the site only links to it.", max_length=500, verbose_name='link to the programme')),
            ],
            options={
                'verbose_name': 'funding opportunity',
                'verbose_name_plural': 'funding opportunities',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.AddField(
            model_name='award',
            name='contract_number',
            field=models.CharField(blank=True, max_length=100, verbose_name='contract number'),
        ),
        migrations.AddField(
            model_name='award',
            name='contract_signed_on',
            field=models.DateField(blank=True, null=True, verbose_name='contract signed on'),
        ),
        migrations.AddField(
            model_name='award',
            name='results_assessment',
            field=models.TextField(blank=True, max_length=3000, validators=[core.redaction.no_contact_data], verbose_name='results as assessed by the office'),
        ),
        migrations.CreateModel(
            name='AwardPayment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('amount', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0'))], verbose_name='amount paid (RSD)')),
                ('paid_on', models.DateField(verbose_name='paid on')),
                ('note', models.CharField(blank=True, max_length=250, validators=[core.redaction.no_contact_data], verbose_name='note')),
                ('award', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='payments', to='calls.award')),
            ],
            options={
                'verbose_name': 'payment',
                'verbose_name_plural': 'payments',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='AwardReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('narrative', 'narrative report'), ('financial', 'financial report')], max_length=20, verbose_name='kind')),
                ('due_on', models.DateField(verbose_name='due on')),
                ('received_on', models.DateField(blank=True, help_text='Empty until it arrives.', null=True, verbose_name='received on')),
                ('award', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='calls.award')),
                ('document', models.ForeignKey(blank=True, help_text='The report as filed in the document registry.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='documents.registrydocument', verbose_name='document')),
            ],
            options={
                'verbose_name': 'report',
                'verbose_name_plural': 'reports',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='DirectFunding',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('organisation_name', models.CharField(max_length=250, validators=[core.redaction.no_contact_data], verbose_name='organisation')),
                ('registration_number', models.CharField(help_text="The organisation's 8-digit registration number in the public register.", max_length=8, validators=[core.registry_numbers.validate_registration_number], verbose_name='registration number')),
                ('purpose', models.CharField(max_length=300, validators=[core.redaction.no_contact_data], verbose_name='purpose')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0'))], verbose_name='amount granted (RSD)')),
                ('amount_paid', models.DecimalField(decimal_places=2, default=0, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0'))], verbose_name='amount paid (RSD)')),
                ('granted_on', models.DateField(verbose_name='granted on')),
                ('legal_basis', models.TextField(help_text='The act and article the money was given under.', max_length=1000, verbose_name='legal basis')),
                ('funder', models.CharField(help_text='E.g. the City Administration for Culture.', max_length=250, validators=[core.redaction.no_contact_data], verbose_name='funder')),
                ('area', models.ForeignKey(blank=True, limit_choices_to=calls.models.calls.in_default_locale, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='direct_funding', to='calls.fundingarea', verbose_name='area')),
            ],
            options={
                'verbose_name': 'funding outside calls',
                'verbose_name_plural': 'funding outside calls',
                'ordering': ['-granted_on', 'pk'],
            },
        ),
    ]
