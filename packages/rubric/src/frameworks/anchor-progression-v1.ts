import type { TFramework, TFrameworkInput } from '../schemas/framework.js';
import { parseFramework } from '../schemas/validate.js';

/**
 * Waymark's default framework, modelled on the Leeds anchor progression frameworks (see
 * /work/shared/RUBRIC.md). Criterion ids are stable: answers and later versions' mappings refer to
 * them, so reword freely but never rename an id without publishing a new version with a mapping.
 */
export const anchorProgressionV1Definition: TFrameworkInput = {
  id: 'anchor-progression',
  version: 1,
  title: 'Anchor Progression Framework',
  description:
    'A self-assessment for anchor organisations — businesses, councils, NHS trusts, universities and others rooted in a place — to see how far their everyday decisions on jobs, buying, buildings, carbon and community benefit the local area. Each criterion has four levels, from Getting started to Leading. Choose the level that describes what you can point to today, note your evidence, and set the level you want to reach next year.',
  levels: [
    {
      level: 1,
      name: 'Getting started',
      meaning: 'You have taken a first, basic step and know where you stand.',
    },
    {
      level: 2,
      name: 'Developing',
      meaning: 'You have a written policy, plan or target in place and have started to act on it.',
    },
    {
      level: 3,
      name: 'Embedding',
      meaning: 'The practice is routine across the organisation, tracked and reported to leaders.',
    },
    {
      level: 4,
      name: 'Leading',
      meaning: 'You are among the best, publish your results and help other organisations follow.',
    },
  ],
  pillars: [
    {
      id: 'employment',
      title: 'Employment',
      summary:
        'How you employ people: fair pay, secure and flexible work, routes in for local people, apprenticeships and skills, progression, and health and wellbeing at work.',
      weight: 1,
      criteria: [
        {
          id: 'real-living-wage-staff',
          title: 'Real Living Wage for your own staff',
          question:
            'How does your organisation make sure its own employees are paid at least the real Living Wage?',
          guidance:
            'The real Living Wage is worked out from the cost of living, set each year by the Living Wage Foundation and higher than the legal minimum wage. Paying it is often the single change that does most to lift local workers out of in-work poverty. Evidence: your pay scales, the number of staff paid below the rate, or your accreditation certificate.',
          levels: [
            {
              level: 1,
              descriptor:
                'You know how many employees, including apprentices and casual staff, are paid below the real Living Wage.',
              example:
                'A café chain runs a payroll report and finds that 14 of its 60 staff are paid below the real Living Wage.',
            },
            {
              level: 2,
              descriptor:
                'A board-approved plan sets a date by which every employee will be paid at least the real Living Wage.',
              example:
                "A housing association's board minutes agree to bring all directly employed staff up to the real Living Wage by next April.",
            },
            {
              level: 3,
              descriptor:
                'Every employee is paid at least the real Living Wage, and pay goes up each year when the new rate is announced.',
              example:
                'A manufacturer applies the new rate from 1 April every year, and its payroll checklist confirms that no one is paid below it.',
            },
            {
              level: 4,
              descriptor:
                'You are an accredited Living Wage Employer and encourage other local employers to follow, for example by hosting or speaking at accreditation events.',
              example:
                'A university holds Living Wage Foundation accreditation and co-hosts a yearly event where local firms hear from employers who have already made the change.',
            },
          ],
        },
        {
          id: 'real-living-wage-contractors',
          title: 'Real Living Wage for contractors and agency staff',
          question:
            'How does your organisation make sure people who work regularly on its sites for contractors or agencies are paid at least the real Living Wage?',
          guidance:
            'Cleaning, catering, security and care are often contracted out, and these are the roles most likely to pay below the real Living Wage. Requiring it in contracts extends fair pay to people who work for you every day without being on your payroll. Evidence: a list of regular contracts with the pay rates on them, contract clauses, or pay returns from suppliers.',
          appliesTo: { sizeBands: ['small', 'medium', 'large'] },
          levels: [
            {
              level: 1,
              descriptor:
                'You have a list of the regular contracts and agency arrangements for work on your sites, such as cleaning, catering and security.',
              example:
                'An office-based firm lists its three regular contractors — cleaning, reception and catering — and how many people each has on site.',
            },
            {
              level: 2,
              descriptor:
                'You have asked each regular contractor what it pays staff working on your contract, and know which pay below the real Living Wage.',
              example:
                'A college writes to its cleaning and catering contractors and learns that 22 staff working on its contracts are paid below the real Living Wage.',
            },
            {
              level: 3,
              descriptor:
                'New and renewed contracts for regular on-site work require the real Living Wage, and you check pay rates each year.',
              example:
                "A council's standard cleaning contract includes a real Living Wage clause, and contract managers collect pay rates at each annual review.",
            },
            {
              level: 4,
              descriptor:
                'Everyone working regularly on your contracts is paid at least the real Living Wage, and you share your contract clauses with other local buyers.',
              example:
                'An NHS trust publishes its Living Wage contract clause and helps two neighbouring councils add it to their own tender templates.',
            },
          ],
        },
        {
          id: 'secure-contracts',
          title: 'Secure contracts and predictable hours',
          question:
            'How does your organisation give people secure contracts and hours they can plan their lives around?',
          guidance:
            'Zero-hours contracts, short notice of shifts and rolling temporary contracts make it hard for people to budget, arrange childcare or rent a home. Secure work means guaranteed hours that match the hours people actually work, and fair notice of shifts. Evidence: the number of staff on zero-hours, temporary or agency contracts, your rota notice policy, and how staff can ask for a contract that reflects their usual hours.',
          levels: [
            {
              level: 1,
              descriptor:
                'You know how many people work for you on zero-hours, temporary or agency contracts, and for how long they have done so.',
              example:
                'A hotel group counts 35 staff on zero-hours contracts, 12 of whom have worked regular weekly hours for over a year.',
            },
            {
              level: 2,
              descriptor:
                "A written policy gives staff at least two weeks' notice of shifts and the right to ask for a contract that matches the hours they usually work.",
              example:
                "A retailer's staff handbook sets a two-week rota notice period and a yearly review of hours for anyone on a flexible contract.",
            },
            {
              level: 3,
              descriptor:
                'Zero-hours contracts are used only where the worker asks for one, and the share of staff on temporary contracts is reported to the board and falling.',
              example:
                'A care provider moves 40 staff from zero-hours to guaranteed-hours contracts and reports the number on temporary contracts to its board every quarter.',
            },
            {
              level: 4,
              descriptor:
                'You are recognised for secure work, for example through Living Hours accreditation or a local good employment charter, and share your approach with other employers.',
              example:
                "A leisure trust gains Living Hours accreditation and presents how it redesigned its rotas at the city's good employment network.",
            },
          ],
        },
        {
          id: 'flexible-work',
          title: 'Flexible working, including in roles thought hard to flex',
          question:
            'How does your organisation offer flexible working, including in roles where it is usually thought hard to offer?',
          guidance:
            'Choice over when, where and how much people work helps carers, disabled people and older workers stay in work, and widens who can apply. It is easy to offer in office roles and harder on shifts, sites and front-line services, which is where it often matters most. Evidence: a flexible working policy, job adverts that state the flexible options, and the number of requests made and agreed.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have a written flexible working policy that sets out how staff can make a request and how it is decided.',
              example:
                'A small engineering firm adopts a two-page policy describing how to ask for part-time hours or different start times.',
            },
            {
              level: 2,
              descriptor:
                'Job adverts state which flexible options are possible for the role, and you count the requests made and agreed each year.',
              example:
                "A council adds 'open to part-time, job share or compressed hours' to every advert and records 180 requests and 161 approvals in the year.",
            },
            {
              level: 3,
              descriptor:
                'You have introduced flexible options in front-line, shift or site-based roles, such as self-rostering, shift swaps or term-time contracts.',
              example:
                'A hospital trials self-rostering for nurses on one ward and extends it to six more wards after staff turnover falls.',
            },
            {
              level: 4,
              descriptor:
                'You publish the results of flexible working in hard-to-flex roles and help other employers design their own, for example through a case study or workshop.',
              example:
                "A logistics firm publishes a case study on flexible shift patterns for warehouse staff and runs a workshop for other anchors' HR teams.",
            },
          ],
        },
        {
          id: 'inclusive-local-recruitment',
          title: 'Inclusive local recruitment and routes into work',
          question:
            'How does your organisation recruit locally and open routes into work for people who are far from the job market?',
          guidance:
            'Anchors can open doors for local residents who find it hardest to get work: people out of work for a long time, care leavers, disabled people, people with convictions, and those from the most deprived neighbourhoods. That depends on where you advertise, what you ask for and the support you give people to get through the door. Evidence: where staff live by postcode, partnerships with employment support services, and the number of people hired through them.',
          levels: [
            {
              level: 1,
              descriptor:
                'You know what share of your staff live in the local area, from their home postcodes.',
              example:
                'A university maps staff home postcodes and finds that 38% of its staff live within the city boundary.',
            },
            {
              level: 2,
              descriptor:
                "You advertise jobs through local channels, such as the council's employment service or community groups, and have removed requirements the job does not need.",
              example:
                'A construction firm drops the degree requirement for its site supervisor roles and posts every vacancy with the local jobs hub.',
            },
            {
              level: 3,
              descriptor:
                'You run a route into work with a partner — guaranteed interviews, work placements or pre-employment training — and count how many local people it brings in each year.',
              example:
                'An NHS trust runs a pre-employment programme with a local charity and hires 45 long-term unemployed residents into healthcare support roles in one year.',
            },
            {
              level: 4,
              descriptor:
                'You have a published target for hiring from the most deprived neighbourhoods, report progress against it, and run shared recruitment with other anchors.',
              example:
                'Three hospitals and the council run joint recruitment days in the most deprived wards, against a published target of 200 local hires a year.',
            },
          ],
        },
        {
          id: 'apprenticeships-and-skills',
          title: 'Apprenticeships and skills',
          question:
            "How does your organisation use apprenticeships, work experience and training to build local people's skills?",
          guidance:
            'Apprenticeships and work experience give local people of any age a paid way to learn a trade or profession. Larger employers can also transfer unused Apprenticeship Levy funds to small local firms. Evidence: the number of apprentices and work placements each year, how many complete and stay on, and any levy you have transferred.',
          levels: [
            {
              level: 1,
              descriptor:
                'You offer work experience placements or school visits and record how many you host each year.',
              example:
                "A law firm hosts eight Year 10 students for a week's work experience and logs it in its community record.",
            },
            {
              level: 2,
              descriptor:
                'You employ apprentices and have a named person responsible for recruiting and supporting them.',
              example:
                'A garage takes on two motor vehicle apprentices, with the workshop manager named as their mentor.',
            },
            {
              level: 3,
              descriptor:
                'You have a yearly apprenticeship target linked to your workforce plan, and track how many apprentices complete and stay on.',
              example:
                'A council sets a target of 60 new apprentices a year and reports that 82% completed and 70% stayed in a job with the council.',
            },
            {
              level: 4,
              descriptor:
                'You help other local employers offer apprenticeships, for example by transferring unused levy funds or sharing training places.',
              example:
                "A bank transfers £150,000 of unused levy to small local firms and co-funds a shared apprenticeship scheme with the city's housing associations.",
            },
          ],
        },
        {
          id: 'progression',
          title: 'Progression at work',
          question:
            'How does your organisation help staff, especially those in lower-paid roles, to progress?',
          guidance:
            'Getting a job is only the start: many people stay in low-paid roles with no training and no route to the next grade. Progression helps staff earn more and lets you fill hard-to-recruit roles from within. Evidence: training spend and take-up by pay band, internal promotion rates, published career pathways and pay gap data.',
          levels: [
            {
              level: 1,
              descriptor:
                'Every member of staff has a yearly conversation with their manager about their development, and a record is kept.',
              example:
                'A distribution company introduces a yearly development review for all warehouse and office staff, recorded in its HR system.',
            },
            {
              level: 2,
              descriptor:
                'You publish career pathways that show how staff in entry-level roles can move into better-paid ones, and the training needed for each step.',
              example:
                'A care home group sets out a pathway from care assistant to senior carer to deputy manager, with the qualifications it funds at each step.',
            },
            {
              level: 3,
              descriptor:
                'You track training take-up and internal promotions by pay band and by group, such as gender, ethnicity and disability, and act on the gaps.',
              example:
                'A university finds that cleaners and porters receive a fraction of the training other staff get, and ring-fences a training budget for them.',
            },
            {
              level: 4,
              descriptor:
                'You publish your progression results, including pay gaps, and run shared progression schemes such as secondments or mentoring with other anchors.',
              example:
                'Two hospital trusts and a council run a joint mentoring scheme for staff in the lowest pay bands and publish how many moved up a grade.',
            },
          ],
        },
        {
          id: 'health-and-wellbeing',
          title: 'Health and wellbeing at work',
          question:
            'How does your organisation support the physical and mental health of its staff?',
          guidance:
            'Good work is good for health, and poor health is one of the main reasons people leave work early. Support for mental and physical health keeps people in work and reduces sickness absence. Evidence: a wellbeing policy, sickness absence figures, trained mental health first aiders, access to occupational health, and staff survey results.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have a named person responsible for staff wellbeing and a confidential source of support for staff, such as an employee assistance line.',
              example:
                'A small accountancy firm signs up to an employee assistance programme and tells every member of staff how to use it.',
            },
            {
              level: 2,
              descriptor:
                'A written wellbeing policy covers mental health, and managers are trained to spot and support staff who are struggling.',
              example:
                'A retailer trains every store manager in mental health awareness and appoints mental health first aiders in each region.',
            },
            {
              level: 3,
              descriptor:
                'You track sickness absence and staff survey results on wellbeing, report them to the board and act on what they show.',
              example:
                "A council's board reviews absence figures every quarter and funds a physiotherapy service after back injuries top the list.",
            },
            {
              level: 4,
              descriptor:
                'You hold a recognised healthy workplace award or charter and share what works with local employers, including small firms without HR teams.',
              example:
                'A hospital trust opens its wellbeing training to the staff of small local businesses in its supply chain.',
            },
          ],
        },
      ],
    },
    {
      id: 'procurement',
      title: 'Procurement',
      summary:
        'How you spend money: knowing where it goes, setting targets for local, small-firm and social-enterprise spend, making tenders easy to bid for, and asking suppliers for social value and fair work.',
      weight: 1,
      criteria: [
        {
          id: 'spend-analysis',
          title: 'Knowing where the money goes',
          question:
            'How does your organisation analyse where its spending goes, by place, size of supplier and sector?',
          guidance:
            'You cannot change what you do not measure. A spend analysis takes your suppliers (for a large organisation, the top 300 or so by value) and shows what share of spend goes to the local area, the wider region, small firms, social enterprises and the most deprived neighbourhoods. Evidence: the analysis itself, when it was done and who it was reported to.',
          levels: [
            {
              level: 1,
              descriptor:
                'You can produce a list of your suppliers showing how much you spent with each last year.',
              example:
                "A marketing agency exports last year's supplier payments from its accounts software: 85 suppliers, £1.2m in total.",
            },
            {
              level: 2,
              descriptor:
                'You have analysed your main suppliers by postcode, size and type, and know what share of spend stays in the local area.',
              example:
                'A college codes its top 150 suppliers by postcode and size and finds that 24% of its spend goes to firms in the borough.',
            },
            {
              level: 3,
              descriptor:
                'You repeat the spend analysis every year using the same method, and report the trend to senior leaders.',
              example:
                "A council's procurement team presents its annual spend analysis to cabinet, showing local spend up from 31% to 36% over three years.",
            },
            {
              level: 4,
              descriptor:
                'You publish your spend analysis and pool it with other anchors, using a shared method, to find gaps that local suppliers could fill.',
              example:
                'Five anchors combine their spend data, find £8m a year of catering bought from outside the region, and start a local supplier programme.',
            },
          ],
        },
        {
          id: 'local-spend-targets',
          title: 'Targets for local, small-firm and social-enterprise spend',
          question:
            'How does your organisation set and track targets for spending with local suppliers, small firms and social enterprises?',
          guidance:
            'Targets turn good intentions into decisions that buyers make every day. They work best when based on your own spend analysis and when they cover the share of spend going to the local area, to small and medium-sized enterprises (SMEs) and to social enterprises. Evidence: the targets, who approved them, and progress reported against them.',
          levels: [
            {
              level: 1,
              descriptor:
                'Your purchasing policy includes a written commitment to buy locally where it offers value for money.',
              example:
                "A law firm adds 'we seek at least one local quote for goods and services under £25,000' to its purchasing policy.",
            },
            {
              level: 2,
              descriptor:
                'You have set a target with a date for the share of spend going to at least one of: local suppliers, SMEs or social enterprises.',
              example: 'A housing association sets a target of 40% of its spend with SMEs by 2027.',
            },
            {
              level: 3,
              descriptor:
                'You have targets for local, SME and social-enterprise spend, progress is reported to the board at least yearly, and the targets are built into buying plans.',
              example:
                'A university reports local, SME and social-enterprise spend to its finance committee every year and writes the targets into each category plan.',
            },
            {
              level: 4,
              descriptor:
                'You meet or are on track for your targets, publish the results, and have agreed shared targets with other anchors in your network.',
              example:
                "The members of a city's anchor network adopt a common target of 30% local spend by 2030 and publish their results side by side.",
            },
          ],
        },
        {
          id: 'accessible-tendering',
          title: 'Tendering that small firms can win',
          question:
            'How does your organisation make its tenders accessible to small local firms and social enterprises?',
          guidance:
            'Small firms and social enterprises are put off by long documents, high turnover thresholds, large contracts and short deadlines. Splitting contracts into lots, plain-English documents, proportionate requirements and meet-the-buyer events all widen who can bid. Evidence: your procurement rules, sample tender documents, lot sizes, events held, and how many local and small firms bid.',
          appliesTo: { sizeBands: ['medium', 'large'] },
          levels: [
            {
              level: 1,
              descriptor:
                'You publish your contract opportunities in one place that local firms can find, such as your website or a public tender portal.',
              example:
                'An NHS trust posts every opportunity over £10,000 on a public portal and links to it from its home page.',
            },
            {
              level: 2,
              descriptor:
                'Your standard tender documents are in plain English and ask only for the insurance, turnover and accreditations the contract really needs.',
              example:
                'A council drops its three-years-of-accounts requirement for contracts under £100,000 and cuts its tender questions from 40 to 12.',
            },
            {
              level: 3,
              descriptor:
                'You split larger contracts into lots where it makes sense, publish a forward plan of opportunities and hold meet-the-buyer events every year.',
              example:
                'A university splits its £2m facilities contract into six lots and runs two meet-the-buyer sessions with the local chamber of commerce.',
            },
            {
              level: 4,
              descriptor:
                'You track how many local and small firms bid and win, and run support with other anchors to help local firms become ready to bid.',
              example:
                "Four anchors fund a 'tender ready' programme that trains 60 local firms a year and hold one shared supplier day.",
            },
          ],
        },
        {
          id: 'social-value-in-contracts',
          title: 'Social value in contracts, monitored through their life',
          question:
            'How does your organisation build social value into its contracts and check that it is delivered?',
          guidance:
            'Social value is the extra benefit a contract brings — local jobs, apprenticeships, spend with local firms, volunteering, lower emissions — on top of the goods or service itself. It only counts if it is asked for clearly, weighed in the decision, written into the contract and monitored until the contract ends. Evidence: your social value policy, the weighting used in tenders, contract clauses and monitoring reports.',
          appliesTo: { sizeBands: ['small', 'medium', 'large'] },
          levels: [
            {
              level: 1,
              descriptor:
                'You have a written statement of the social value you want from suppliers, linked to local needs.',
              example:
                'A building society publishes a one-page statement asking its suppliers to offer local jobs, training and volunteering.',
            },
            {
              level: 2,
              descriptor:
                'Tenders above a set value include social value questions that carry a stated share of the marks, such as 10%.',
              example:
                'A council gives social value 10% of the marks in every tender over £100,000.',
            },
            {
              level: 3,
              descriptor:
                'Social value commitments are written into contracts and checked at contract reviews by a named contract manager, who records what was delivered.',
              example:
                "A university's catering contract commits to five local apprentices; the contract manager checks progress every quarter and records it.",
            },
            {
              level: 4,
              descriptor:
                'You publish the social value your contracts actually delivered and use a common set of measures with other anchors, so suppliers report once.',
              example:
                "A city's anchors agree one social value menu and reporting form, so a supplier working for three of them fills in a single return.",
            },
          ],
        },
        {
          id: 'supplier-fair-work',
          title: 'Fair work in the supply chain',
          question:
            'How does your organisation encourage fair work — fair pay, secure hours, no exploitation — among its suppliers?',
          guidance:
            'Your spending supports jobs beyond your own walls. Asking suppliers about pay, contracts and working conditions, and favouring those that treat their staff fairly, spreads good employment through the local economy. Evidence: a supplier code of conduct, fair work questions in tenders, modern slavery checks and supplier responses.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have a supplier code of conduct that sets out what you expect on pay, working conditions and modern slavery.',
              example:
                'A packaging firm sends its two-page supplier code of conduct with every new purchase order.',
            },
            {
              level: 2,
              descriptor:
                'Your tenders or supplier sign-up forms ask about pay (including the real Living Wage), contract types and staff voice, and the answers are recorded.',
              example:
                "A housing association's supplier questionnaire asks each new supplier whether it pays the real Living Wage and uses zero-hours contracts.",
            },
            {
              level: 3,
              descriptor:
                'Fair work commitments are scored in tenders and written into contracts, and you check them with suppliers in higher-risk sectors such as cleaning, care and construction.',
              example:
                'An NHS trust scores fair work commitments in its tenders and reviews the employment practice of two facilities suppliers each year.',
            },
            {
              level: 4,
              descriptor:
                'You help suppliers, especially small firms, improve how they employ people, for example by funding support towards Living Wage accreditation or sharing HR guidance.',
              example:
                'A council runs free advice sessions with the Living Wage Foundation for its small suppliers, and 12 become accredited within a year.',
            },
          ],
        },
        {
          id: 'joint-procurement',
          title: 'Buying together with other anchors',
          question:
            'How does your organisation work with other anchor organisations to buy together and build up local suppliers?',
          guidance:
            'Anchors often buy the same things — food, cleaning, building work, IT — from the same distant suppliers. By sharing contract pipelines and buying together, they can create contracts that local firms can grow into, or develop new local suppliers where there are gaps. Evidence: shared pipelines, joint contracts, notes of procurement network meetings, and new local suppliers developed.',
          appliesTo: { sizeBands: ['medium', 'large'] },
          levels: [
            {
              level: 1,
              descriptor:
                'A named person from your organisation attends a procurement group or network with other local anchors.',
              example:
                "A college's head of procurement joins the city's anchor procurement group and attends its quarterly meetings.",
            },
            {
              level: 2,
              descriptor:
                'You share your forward pipeline of upcoming contracts with other anchors to spot chances to buy together.',
              example:
                'Three anchors swap their two-year contract pipelines and find that their cleaning contracts all renew in the same year.',
            },
            {
              level: 3,
              descriptor:
                'You have let at least one joint contract or framework with other anchors that includes local or social value aims.',
              example:
                'A hospital trust and two universities let a joint food contract in lots designed for local growers and caterers.',
            },
            {
              level: 4,
              descriptor:
                'You lead joint work to develop local suppliers where there are gaps, such as a shared supplier development programme or a new co-operative.',
              example:
                "The anchors in a town find no local firm can meet their laundry needs, and back a workers' co-operative to set up a local laundry.",
            },
          ],
        },
      ],
    },
    {
      id: 'estates-and-assets',
      title: 'Estates and assets',
      summary:
        'How you use buildings and land: opening them to the community, putting spare land and property to local use, making sites welcoming, and making sure building projects benefit local people.',
      weight: 1,
      criteria: [
        {
          id: 'community-use-of-buildings',
          title: 'Community use of buildings and spaces',
          question: 'How does your organisation open its buildings and spaces for community use?',
          guidance:
            'Meeting rooms, halls, car parks, sports pitches and green spaces often sit empty in the evenings and at weekends. Opening them to local groups at low or no cost is one of the simplest ways an anchor can support its community. Evidence: a booking process, a price list or free-use policy, and the bookings and hours of community use you record.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have listed which of your spaces community groups could use, and when they are free.',
              example:
                'An insurance firm lists two meeting rooms and its staff canteen as free on weekday evenings.',
            },
            {
              level: 2,
              descriptor:
                'Community groups can book your spaces through a published process, free or at a reduced rate.',
              example:
                'A university puts a community booking form on its website, with free use of rooms for registered charities.',
            },
            {
              level: 3,
              descriptor:
                'You record the hours of community use each year and who the users are, and review the offer with them.',
              example:
                "A council's leisure centre logs 3,400 hours of community bookings a year and surveys user groups about opening times.",
            },
            {
              level: 4,
              descriptor:
                'You offer long-term space to community organisations and, with other anchors, publish a shared directory of spaces available locally.',
              example:
                "A city's anchors publish one online map of 120 rooms, halls and pitches open to local groups.",
            },
          ],
        },
        {
          id: 'land-for-local-use',
          title: 'Land for homes, green space and local use',
          question:
            'How does your organisation use land it owns but does not need for homes, green space or other local benefit?',
          guidance:
            'Public bodies and large businesses often own land that is underused. Used well, it can provide affordable homes, green space, food growing or room for local businesses. Evidence: a land and property register, decisions on surplus land that weighed local benefit, and the projects that followed.',
          appliesTo: { sizeBands: ['medium', 'large'] },
          levels: [
            {
              level: 1,
              descriptor:
                'You keep a register of the land and property you own, showing what is in use and what is surplus or underused.',
              example:
                'A housing association completes a register of its 60 land holdings and flags nine underused garage sites.',
            },
            {
              level: 2,
              descriptor:
                'Decisions on surplus land weigh local benefit — such as affordable homes, green space or use by local businesses — and not only the highest price.',
              example:
                "A council's disposals policy requires officers to set out local benefit options alongside market value before any site is sold.",
            },
            {
              level: 3,
              descriptor:
                'You have brought at least one site into use for affordable homes, green space or local enterprise, and track what it delivers.',
              example:
                'An NHS trust leases a surplus car park to a community land trust, which builds 24 homes for social rent.',
            },
            {
              level: 4,
              descriptor:
                'You plan land use with other anchors and the council across the place, for example through a shared land register or a joint development partnership.',
              example:
                "A city's anchors publish a combined map of their surplus land and agree a joint plan for 500 affordable homes.",
            },
          ],
        },
        {
          id: 'asset-transfer-and-meanwhile-use',
          title: 'Asset transfer and meanwhile use',
          question:
            'How does your organisation make empty or surplus buildings available to community groups, through transfer, long leases or temporary (meanwhile) use?',
          guidance:
            'Community asset transfer hands a building or piece of land to a community organisation, usually on a long lease or below market value. Meanwhile use lets local groups or start-ups use empty property while its long-term future is decided. Evidence: a policy, the properties offered, leases signed and what the groups did with them.',
          appliesTo: { sizeBands: ['medium', 'large'] },
          levels: [
            {
              level: 1,
              descriptor:
                'You know which of your buildings are empty or likely to become empty in the next two years.',
              example:
                'A bank lists three branches due to close and the dates they will fall empty.',
            },
            {
              level: 2,
              descriptor:
                'You have a written policy for asset transfer or meanwhile use, with a named contact and clear terms.',
              example:
                'A council publishes its community asset transfer policy with a contact, its criteria and standard lease terms.',
            },
            {
              level: 3,
              descriptor:
                'At least one building or site has been transferred, or let for meanwhile use, to a community group or start-up, with support to make it work.',
              example:
                'A retailer lets an empty shop unit rent-free for 18 months to a local arts charity and pays for basic repairs.',
            },
            {
              level: 4,
              descriptor:
                'You run a shared meanwhile use or asset transfer programme across the area with other property owners.',
              example:
                'A university, the council and a developer run a joint scheme that has filled 15 empty high-street units with local start-ups.',
            },
          ],
        },
        {
          id: 'accessible-welcoming-sites',
          title: 'Accessible, welcoming sites',
          question:
            'How does your organisation make its sites accessible and welcoming to local people?',
          guidance:
            'Large sites — campuses, hospitals, offices, depots — can feel closed to the people who live around them. Step-free access, clear signs, walking and cycling routes, and spaces people can use without an appointment make an anchor part of its neighbourhood. Evidence: access audits, action plans, facilities open to the public, and feedback from neighbours.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have carried out an access audit of your main site, covering disabled access, signs and links to public transport.',
              example:
                'A small charity asks a local disability group to walk round its building and list the barriers they find.',
            },
            {
              level: 2,
              descriptor:
                'You have an action plan, with dates, to remove the barriers the audit found.',
              example:
                'A college commits to step-free access to all public areas by next summer and to new signs in the main languages spoken locally.',
            },
            {
              level: 3,
              descriptor:
                'Parts of your site are open to the public without an appointment, such as a café, toilets, green space, or walking and cycling routes through it.',
              example:
                'A hospital opens its garden and café to the public and adds a signed walking route through the site linking two housing estates.',
            },
            {
              level: 4,
              descriptor:
                'You involve neighbours in designing your sites and share your inclusive design standards with other anchors.',
              example:
                'A university holds design workshops with residents before every new building and shares its inclusive design guide with the council.',
            },
          ],
        },
        {
          id: 'capital-projects-local-benefit',
          title: 'Local benefit from capital projects',
          question:
            'How does your organisation make sure its building and capital projects bring local jobs, training and business?',
          guidance:
            'New buildings, refurbishments and major maintenance can create construction jobs, apprenticeships and work for local subcontractors. These benefits need to be set out early, in the brief and the contract, and checked as the project goes on. Evidence: project briefs, contract requirements for local labour and apprenticeships, and monitoring data.',
          appliesTo: { sizeBands: ['medium', 'large'] },
          levels: [
            {
              level: 1,
              descriptor:
                'Your capital project briefs state the local benefits you want, such as local jobs, apprenticeships or local subcontractors.',
              example:
                "An NHS trust's brief for a new clinic asks bidders how they will use local labour and local subcontractors.",
            },
            {
              level: 2,
              descriptor:
                'Contracts for capital projects above a set value include targets for local labour, apprenticeships and local subcontracting.',
              example:
                'A council requires 25% local labour and one apprentice per £1m of contract value on all building contracts over £2m.',
            },
            {
              level: 3,
              descriptor:
                'A named person checks local benefits on each project every month, and you act when a contractor falls short.',
              example:
                "A university's project team collects monthly workforce postcodes from its contractor and holds back a payment milestone until local hiring recovers.",
            },
            {
              level: 4,
              descriptor:
                'You publish the local benefits achieved across your capital programme and co-ordinate with other anchors so trainees can move from site to site.',
              example:
                "A city's anchors run a shared construction skills hub, so apprentices finishing on one site move straight on to the next.",
            },
          ],
        },
      ],
    },
    {
      id: 'net-zero',
      title: 'Net zero',
      summary:
        'How you cut your carbon: measuring emissions across all three scopes, setting targets, a plan approved at the top, delivering it, and working with suppliers on theirs.',
      weight: 1,
      criteria: [
        {
          id: 'scope-1-2-emissions',
          title: 'Scope 1 and 2 emissions measured from a base year',
          question:
            'How does your organisation measure its direct emissions (scope 1) and the emissions from the energy it buys (scope 2)?',
          guidance:
            'Scope 1 covers emissions from fuel you burn yourself, such as gas boilers and vehicles; scope 2 covers the electricity and heat you buy. Measuring them every year against a fixed base year is the starting point for any target. Evidence: your carbon footprint report, the method used (for example the Greenhouse Gas Protocol with UK government conversion factors) and your base year.',
          levels: [
            {
              level: 1,
              descriptor:
                'You collect your energy and fuel use from bills and meter readings for at least one full year.',
              example:
                "A small bakery totals a year's gas and electricity bills and van fuel receipts in a spreadsheet.",
            },
            {
              level: 2,
              descriptor:
                'You calculate your scope 1 and 2 emissions in tonnes of CO2e using a recognised method and government conversion factors, and have chosen a base year.',
              example:
                'A housing association calculates 1,850 tCO2e for scope 1 and 2, using 2019 as its base year.',
            },
            {
              level: 3,
              descriptor:
                'You report scope 1 and 2 emissions every year against the base year using the same method, and the figures are checked internally or by a third party.',
              example:
                'A university publishes its emissions each year in its annual report, with the figures reviewed by its internal audit team.',
            },
            {
              level: 4,
              descriptor:
                'Your scope 1 and 2 emissions are independently verified and published, and you help smaller organisations measure theirs.',
              example:
                'A council has its footprint independently verified and runs free carbon footprint workshops for local small firms.',
            },
          ],
        },
        {
          id: 'scope-3-emissions',
          title: 'Scope 3 emissions measured',
          question:
            'How does your organisation measure the emissions in its supply chain and from other indirect sources (scope 3)?',
          guidance:
            'For most organisations, scope 3 — goods and services bought, business travel, commuting, waste and the use of what you sell — is the largest share of emissions. It is harder to measure, so start with the biggest categories and improve the data over time. Evidence: which scope 3 categories you measure, the method (spend-based estimates or supplier data) and the results.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have identified which scope 3 categories are likely to be largest for you, such as purchased goods, travel or waste.',
              example:
                'An IT services firm lists business travel, staff commuting and purchased hardware as its three biggest likely sources.',
            },
            {
              level: 2,
              descriptor:
                'You estimate emissions for your largest scope 3 categories, for example from spend data, and report them alongside scope 1 and 2.',
              example:
                'A college uses spend-based factors to estimate 6,200 tCO2e from its purchases and includes the figure in its carbon report.',
            },
            {
              level: 3,
              descriptor:
                'You measure all relevant scope 3 categories every year and replace spend-based estimates with supplier or activity data for the biggest ones.',
              example:
                'An NHS trust asks its top 50 suppliers for their own emissions data and uses it in place of spend estimates for 40% of its spend.',
            },
            {
              level: 4,
              descriptor:
                'Your scope 3 figures are published and independently checked, and you share methods and supplier data with other anchors.',
              example:
                "A city's anchors agree one method for estimating scope 3 from spend and share emissions data for the suppliers they have in common.",
            },
          ],
        },
        {
          id: 'emissions-targets',
          title: 'Targets for cutting emissions',
          question: 'What targets has your organisation set to cut its emissions, and by when?',
          guidance:
            'A target gives a direction and a deadline: for example, halving emissions by 2030 and reaching net zero by 2050 or sooner. The strongest targets cover all three scopes, follow the science (for example through the Science Based Targets initiative) and have milestones along the way. Evidence: the targets, who approved them and which scopes they cover.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have made a public commitment to reduce your emissions, such as signing a local climate pledge.',
              example:
                "A family-run hotel signs the city's climate pledge and says so on its website.",
            },
            {
              level: 2,
              descriptor:
                'You have set a dated target for cutting scope 1 and 2 emissions against your base year.',
              example:
                'A college commits to cut its scope 1 and 2 emissions by 50% from 2019 levels by 2030.',
            },
            {
              level: 3,
              descriptor:
                'Your targets cover scopes 1, 2 and 3, have interim milestones, and include reaching net zero by 2050 or sooner.',
              example:
                'A housing association sets a net zero date of 2045 across all scopes, with milestones in 2027, 2030 and 2035.',
            },
            {
              level: 4,
              descriptor:
                'Your targets are validated by an external body such as the Science Based Targets initiative, and you encourage partners and suppliers to set their own.',
              example:
                'A logistics firm has its targets validated by the Science Based Targets initiative and asks its 20 largest suppliers to do the same within two years.',
            },
          ],
        },
        {
          id: 'net-zero-plan',
          title: 'A published, board-approved plan',
          question: 'How does your organisation plan to meet its emissions targets?',
          guidance:
            'A plan turns a target into actions, budgets and owners. It should show which actions cut how much carbon, when, and who is responsible, and it should be approved and reviewed by your board or leadership team. Evidence: the plan, the board minute approving it, and progress reports.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have a written list of actions to cut emissions, with a named person responsible.',
              example:
                'A dental practice lists five actions, including LED lighting and a renewable energy tariff, with the practice manager in charge.',
            },
            {
              level: 2,
              descriptor:
                'Your board or leadership team has approved a written plan that sets out actions, timescales and costs to meet your targets.',
              example:
                "A university council's minutes record approval of a carbon management plan with a ten-year budget.",
            },
            {
              level: 3,
              descriptor:
                'Progress against the plan is reported to the board at least once a year, and the plan is updated when actions slip.',
              example:
                'An NHS trust board reviews its green plan every year and adds new measures after its heat pump projects run late.',
            },
            {
              level: 4,
              descriptor:
                'Your plan and yearly progress are published, and you help shape a shared climate plan for your place with other anchors.',
              example:
                "A council publishes its climate plan with annual progress and chairs the city partnership's joint climate action plan.",
            },
          ],
        },
        {
          id: 'net-zero-delivery',
          title: 'Delivery: energy, buildings, fleet and travel',
          question:
            'What has your organisation done to cut emissions from its energy, buildings, vehicles and travel?',
          guidance:
            'Plans matter only if emissions fall. The biggest cuts usually come from using less energy, switching to renewable electricity, heating buildings without fossil fuels, moving to electric vehicles and supporting low-carbon travel. Evidence: projects completed, energy and fuel data showing reductions, and the change in your emissions since the base year.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have taken at least one step to reduce energy use, such as LED lighting, heating controls or a switch-off campaign.',
              example: "A solicitors' office fits LED lighting and puts its heating on timers.",
            },
            {
              level: 2,
              descriptor:
                'You buy renewable electricity and have a budgeted programme of energy efficiency work.',
              example:
                'A retailer moves all its stores to a renewable electricity contract and sets aside £200,000 a year for efficiency upgrades.',
            },
            {
              level: 3,
              descriptor:
                'You are replacing fossil-fuel heating and vehicles to a set timetable, and help staff travel by public transport, on foot or by bike.',
              example:
                'A council replaces gas boilers in 10 buildings with heat pumps, has made 60% of its fleet electric and offers staff discounted bus passes.',
            },
            {
              level: 4,
              descriptor:
                'Your emissions have fallen in line with your targets, and you share infrastructure or know-how with others, such as shared charging points or a community energy scheme.',
              example:
                'A hospital trust has cut its emissions by 40% since 2019 and hosts solar panels owned by a community energy co-operative.',
            },
          ],
        },
        {
          id: 'supplier-emissions',
          title: 'Working with suppliers on their emissions',
          question: 'How does your organisation work with its suppliers to cut their emissions?',
          guidance:
            'Because most emissions sit in supply chains, anchors can make a large difference by asking suppliers about their emissions and helping them cut them — especially small local firms without the resources to do it alone. Evidence: supplier questions in tenders, carbon reduction plans required in contracts, and support offered to suppliers.',
          levels: [
            {
              level: 1,
              descriptor:
                'You ask your main suppliers whether they measure their emissions and have a plan to reduce them.',
              example: 'A manufacturer sends a short climate survey to its 30 largest suppliers.',
            },
            {
              level: 2,
              descriptor:
                'Tenders above a set value ask suppliers for a carbon reduction plan or climate commitments, and these count in the evaluation.',
              example:
                "A council gives 5% of the tender marks to suppliers' carbon reduction plans on contracts over £500,000.",
            },
            {
              level: 3,
              descriptor:
                'Contracts include emissions commitments, and you track progress with your highest-emitting suppliers every year.',
              example:
                "A university's construction contracts set targets for low-carbon concrete, and the contractor reports embodied carbon every quarter.",
            },
            {
              level: 4,
              descriptor:
                'You support smaller suppliers to measure and cut their emissions, for example through free training or shared tools run with other anchors.',
              example:
                'Five anchors fund carbon literacy training for 100 small local suppliers and give them a common footprint calculator.',
            },
          ],
        },
      ],
    },
    {
      id: 'corporate-and-community',
      title: 'Corporate and community',
      summary:
        'How you lead as an anchor: commitment at the top, volunteering and giving aimed at local need, partnerships with local groups, giving residents a say, and reporting openly on your impact.',
      weight: 1,
      criteria: [
        {
          id: 'board-commitment',
          title: 'Board-level commitment and ownership',
          question:
            "How does your organisation's board or leadership team take ownership of its role as an anchor?",
          guidance:
            'Local impact lasts when it is part of how an organisation is run, not a side project. That means a senior person responsible for it, a strategy that names it, and regular reports to the board. Evidence: strategy documents, the named lead, and board papers and minutes.',
          levels: [
            {
              level: 1,
              descriptor:
                'A senior leader has been named as responsible for your local impact, and this is recorded.',
              example:
                'A regional bank names its chief operating officer as its anchor lead in the minutes of its leadership team.',
            },
            {
              level: 2,
              descriptor:
                'Your strategy or business plan includes commitments on local impact, approved by the board.',
              example:
                "A college's five-year strategy includes a section on its role in the local economy, approved by its governors.",
            },
            {
              level: 3,
              descriptor:
                'The board receives a report on local impact at least once a year, reviews its measures and agrees actions.',
              example:
                "A housing association's board reviews a yearly anchor report with spend, jobs and emissions figures and agrees three priorities for the next year.",
            },
            {
              level: 4,
              descriptor:
                "Your leaders champion the anchor approach beyond your organisation, for example by chairing an anchor network or mentoring another organisation's leaders.",
              example:
                "A hospital trust's chief executive chairs the city's anchor network and mentors the leadership team of a business that has just joined.",
            },
          ],
        },
        {
          id: 'volunteering-and-giving',
          title: 'Volunteering and giving aimed at local need',
          question:
            'How does your organisation direct its volunteering, donations and sponsorship towards local needs?',
          guidance:
            'Staff time, money and skills go furthest when they answer what local people and groups say they need, rather than one-off causes chosen by a few. Skilled volunteering — such as finance, legal or IT help for a charity — can be worth more than a donation. Evidence: a volunteering policy, hours volunteered, donations made and how causes were chosen.',
          levels: [
            {
              level: 1,
              descriptor: 'A written policy gives staff paid time off to volunteer.',
              example: 'A software company gives every employee two paid volunteering days a year.',
            },
            {
              level: 2,
              descriptor:
                "You record volunteering hours and donations each year, and choose causes using local evidence such as a community foundation's needs report.",
              example:
                "A building firm logs 1,200 volunteering hours and uses the local community foundation's report to choose three causes.",
            },
            {
              level: 3,
              descriptor:
                "You match skilled volunteers to local groups' requests, and ask the groups what difference it made.",
              example:
                'An accountancy firm matches staff to charities that ask for help with budgets and asks each charity for feedback after six months.',
            },
            {
              level: 4,
              descriptor:
                'You pool volunteering or giving with other anchors to meet larger local needs, for example through a shared fund or joint programme.',
              example:
                'The anchors in a town set up a joint fund with the community foundation that puts £250,000 a year into youth projects chosen by young people.',
            },
          ],
        },
        {
          id: 'voluntary-sector-partnerships',
          title: 'Partnerships with local voluntary groups',
          question:
            'How does your organisation work in partnership with local voluntary and community groups?',
          guidance:
            'Voluntary and community groups know their neighbourhoods and reach people anchors often do not. Lasting partnerships — with shared aims, fair funding and time — are worth more than one-off projects. Evidence: partnership agreements, multi-year funding, joint projects, and what partners say about working with you.',
          levels: [
            {
              level: 1,
              descriptor:
                'You keep a list of the local voluntary and community groups you work with, with a named contact for each.',
              example:
                'A supermarket keeps a list of the food bank, two youth clubs and a lunch club it supports, with a contact for each.',
            },
            {
              level: 2,
              descriptor:
                'You have a written agreement with at least one local group that sets out shared aims and what each side contributes.',
              example:
                'A college signs a partnership agreement with a refugee charity to run English classes on its campus.',
            },
            {
              level: 3,
              descriptor:
                'You fund or support local groups over several years, and pay them fairly for work they do for you, such as outreach or consultation.',
              example:
                'A council moves its grants to local groups from one-year to three-year funding and pays community groups to run consultation events.',
            },
            {
              level: 4,
              descriptor:
                'You help local groups grow stronger — by sharing premises, back-office support or joint funding bids — and bring other anchors in to do the same.',
              example:
                'A university and a hospital trust provide free payroll and HR support to 15 small charities and bid jointly with them for national funding.',
            },
          ],
        },
        {
          id: 'community-voice',
          title: 'Community voice in decisions',
          question:
            'How does your organisation give local people a say in the decisions that affect them?',
          guidance:
            'Anchors make decisions — on jobs, buildings and spending — that shape neighbourhoods. Involving residents, especially those who are rarely heard, leads to better decisions and more trust. Evidence: engagement plans, resident panels or seats on decision-making bodies, and decisions that changed because of what people said.',
          levels: [
            {
              level: 1,
              descriptor:
                'In the last year you have asked local residents or groups for their views on at least one decision before making it.',
              example:
                'A brewery holds a drop-in evening for neighbours before expanding its site.',
            },
            {
              level: 2,
              descriptor:
                'Local people have a standing way to feed in, such as a community panel or regular forum, and a record is kept of what they raise.',
              example:
                'A hospital trust runs a quarterly panel of 20 residents from nearby estates and publishes notes of each meeting.',
            },
            {
              level: 3,
              descriptor:
                'You report back to residents on what changed because of their views, and residents have a formal seat on at least one decision-making body.',
              example:
                "A university puts two residents on its community investment committee and publishes a 'you said, we did' update every year.",
            },
            {
              level: 4,
              descriptor:
                'Residents share decisions over real resources, such as a participatory budget, and you engage jointly with other anchors so people are not asked the same thing twice.',
              example:
                "A council and three anchors run a shared residents' assembly that allocates £500,000 a year in neighbourhood grants.",
            },
          ],
        },
        {
          id: 'local-impact-reporting',
          title: 'Open reporting of local impact',
          question: 'How does your organisation report openly on its local impact?',
          guidance:
            'Reporting shows what you have done, what you have not, and where you are heading; it builds trust and lets others learn from you. Good reporting uses the same measures each year, admits shortfalls and is easy for local people to find. Evidence: published reports, the measures used and where they are shared.',
          levels: [
            {
              level: 1,
              descriptor:
                'You gather figures on your local impact — such as local spend, local hires or volunteering hours — in one place each year.',
              example:
                'A small recruitment agency keeps one spreadsheet of its local hires, donations and volunteering hours.',
            },
            {
              level: 2,
              descriptor:
                'You publish a yearly summary of your local impact, for example on your website or in your annual report.',
              example: 'A building society adds a page on its local impact to its annual report.',
            },
            {
              level: 3,
              descriptor:
                'Your report uses the same measures every year, shows progress against targets and says where you fell short.',
              example:
                "A council's yearly anchor report tracks eight measures over four years and explains why local spend dipped last year.",
            },
            {
              level: 4,
              descriptor:
                'You report on measures shared with other anchors, so that results can be compared and combined across the network.',
              example:
                'The members of an anchor network publish their results in a common format each year, and the network produces one combined report.',
            },
          ],
        },
      ],
    },
    {
      id: 'service-delivery',
      title: 'Service delivery',
      summary:
        'For public bodies: how the services you run or commission create social value, are designed with residents, reach the people who need them most, and are planned with partners across the place.',
      weight: 1,
      optional: true,
      appliesTo: { organisationTypes: ['public_sector'] },
      criteria: [
        {
          id: 'social-value-in-commissioning',
          title: 'Social value in commissioning services',
          question:
            'How does your organisation build social value into the services it commissions?',
          guidance:
            'Public anchors commission services — care, health, youth work, housing support — often worth more than everything else they buy. Designing commissions so that local providers, voluntary groups and social enterprises can deliver them, and asking for social value, keeps the benefit in the area. Evidence: commissioning strategies, service specifications, and the share of services delivered by local and voluntary providers.',
          levels: [
            {
              level: 1,
              descriptor:
                'Your commissioning strategy commits to social value and names the role of local and voluntary providers.',
              example:
                "A council's adult social care commissioning strategy commits to growing local and voluntary providers.",
            },
            {
              level: 2,
              descriptor:
                'Service specifications above a set value ask bidders for social value linked to local priorities, with a stated share of the marks.',
              example:
                'An integrated care board gives social value 10% of the marks in its community services tenders and lists local health priorities.',
            },
            {
              level: 3,
              descriptor:
                'You use grants, longer contracts or co-production so that local voluntary groups and social enterprises can deliver services, and you track the share they hold.',
              example:
                'A council gives five-year grants to local groups for its youth service and reports that 45% of the service budget goes to local voluntary providers.',
            },
            {
              level: 4,
              descriptor:
                'You commission jointly with other public bodies to a shared social value framework, and help local providers build the capacity to bid.',
              example:
                'A council and an NHS trust jointly commission a mental health support service and fund a development programme for local charities.',
            },
          ],
        },
        {
          id: 'services-designed-with-residents',
          title: 'Services designed with residents',
          question:
            'How does your organisation involve residents and people who use its services in designing them?',
          guidance:
            "Services work better when the people who use them help shape them. Co-design goes further than consultation: people with lived experience help define the problem, design the service and judge whether it works. Evidence: co-design sessions, lived experience panels, payment for people's time, and changes made as a result.",
          levels: [
            {
              level: 1,
              descriptor:
                'You collect feedback from people who use your services, such as surveys and complaints, and review it on a set timetable.',
              example: 'A GP federation reviews its patient survey results every quarter.',
            },
            {
              level: 2,
              descriptor:
                'People who use a service are involved in redesigning it, for example through workshops held before changes are decided.',
              example:
                'A council runs workshops with passengers and carers before redesigning its community transport service.',
            },
            {
              level: 3,
              descriptor:
                'You have a standing lived experience panel whose members are paid for their time, and you record the changes it has shaped.',
              example:
                'A mental health trust pays the 15 members of its lived experience panel and keeps a log of the changes the panel has shaped.',
            },
            {
              level: 4,
              descriptor:
                'Co-production is standard practice across your services, and you share your methods and train staff of other public bodies.',
              example:
                "A council's co-production team trains staff at the local hospital trust and housing association.",
            },
          ],
        },
        {
          id: 'reaching-those-most-in-need',
          title: 'Reaching people most in need',
          question:
            'How does your organisation make sure its services reach the people and neighbourhoods that need them most?',
          guidance:
            'People with the greatest needs are often the least likely to use services, because of cost, distance, language, disability or distrust. Knowing who uses your services, and who does not, is the first step to closing the gap. Evidence: service data broken down by deprivation, ethnicity, age or disability; outreach work; and changes made to close gaps.',
          levels: [
            {
              level: 1,
              descriptor:
                'You can break down who uses your main services by neighbourhood deprivation or by another factor such as age, ethnicity or disability.',
              example:
                'A hospital trust maps missed outpatient appointments by postcode and deprivation decile.',
            },
            {
              level: 2,
              descriptor:
                'You have identified the main gaps in who uses your services, and agreed a plan of actions to close them.',
              example:
                'A library service finds that three of the most deprived wards have the lowest membership and plans pop-up libraries there.',
            },
            {
              level: 3,
              descriptor:
                'You run targeted outreach, or change how services are delivered in the most deprived areas, and track whether the gap is closing.',
              example:
                'An NHS trust offers evening clinics and transport help to patients from the most deprived areas and halves its missed-appointment gap in two years.',
            },
            {
              level: 4,
              descriptor:
                'You join up service data and outreach with other public bodies so that people in greatest need are reached through any door.',
              example:
                'A council, an NHS trust and a housing association run joint outreach on estates where residents get help with health, debt and housing in one visit.',
            },
          ],
        },
        {
          id: 'prevention-and-place-partnership',
          title: 'Prevention and place-based partnership',
          question:
            'How does your organisation work with partners across the place to prevent problems, not only respond to them?',
          guidance:
            'Many demands on public services — emergency admissions, homelessness, crisis care — can be prevented with earlier help. That needs public bodies and the voluntary sector to plan, fund and deliver together for a place. Evidence: partnership agreements, pooled budgets, joint teams, and the prevention measures you track.',
          levels: [
            {
              level: 1,
              descriptor:
                'A named representative takes part in a local partnership, such as the health and wellbeing board or a neighbourhood partnership.',
              example:
                "A housing association's director of communities sits on the local health and wellbeing board.",
            },
            {
              level: 2,
              descriptor:
                'You have agreed shared prevention priorities for your place with partners, set out in a joint plan.',
              example:
                'A council, an NHS trust and the police agree a neighbourhood plan that targets falls, loneliness and debt.',
            },
            {
              level: 3,
              descriptor:
                'You fund or staff joint prevention work with partners, such as a pooled budget or a multi-agency team, and track its results.',
              example:
                'A council and the integrated care board pool £2m for a neighbourhood team and track emergency admissions among frail older people.',
            },
            {
              level: 4,
              descriptor:
                'You lead a place-based prevention partnership, publish its evaluation and help other places learn from it.',
              example:
                'An NHS trust leads a neighbourhood prevention pilot, publishes its evaluation and helps two other towns copy it.',
            },
          ],
        },
        {
          id: 'data-sharing-across-partners',
          title: 'Data sharing across partners',
          question:
            'How does your organisation share data with partners, safely and lawfully, to plan and deliver better services?',
          guidance:
            'Sharing information across organisations can help spot people at risk early, avoid repeated assessments and plan services for a place. It must be lawful, secure and open with residents about what is shared and why. Evidence: data sharing agreements, shared dashboards or intelligence teams, and the privacy information given to residents.',
          levels: [
            {
              level: 1,
              descriptor:
                'You have signed at least one data sharing agreement with a local partner for a defined purpose.',
              example:
                'A council signs a data sharing agreement with the local NHS trust to identify residents at risk of fuel poverty.',
            },
            {
              level: 2,
              descriptor:
                'You share anonymised data with partners to build a joint picture of local needs, such as the joint strategic needs assessment.',
              example:
                "A university contributes anonymised student wellbeing data to the city's joint strategic needs assessment.",
            },
            {
              level: 3,
              descriptor:
                'You routinely use shared data with partners to plan or target services, under agreed governance, and explain publicly to residents how it is used.',
              example:
                'Partners use a shared dashboard of anonymised health, housing and benefits data to target winter support, with a public privacy notice.',
            },
            {
              level: 4,
              descriptor:
                'You lead or host a shared data and insight function for the place, and help other organisations, including voluntary groups, use it well.',
              example:
                'A council hosts an area-wide data office that gives voluntary groups neighbourhood data and training in how to use it.',
            },
          ],
        },
      ],
    },
  ],
  indicators: [
    {
      id: 'local-spend-share',
      label: '% of spend within the local area',
      unit: 'percent',
      pillarId: 'procurement',
      description:
        "Share of last financial year's spend with suppliers based in the local area, as your network defines it (a list of local authority areas), from your spend analysis.",
    },
    {
      id: 'regional-spend-share',
      label: '% of spend within the wider region',
      unit: 'percent',
      pillarId: 'procurement',
      description:
        "Share of last financial year's spend with suppliers based in the wider region, including the local area.",
    },
    {
      id: 'sme-spend-share',
      label: '% of spend with SMEs',
      unit: 'percent',
      pillarId: 'procurement',
      description:
        "Share of last financial year's spend with small and medium-sized enterprises (fewer than 250 employees).",
    },
    {
      id: 'social-enterprise-spend-share',
      label: '% of spend with social enterprises',
      unit: 'percent',
      pillarId: 'procurement',
      description:
        "Share of last financial year's spend with social enterprises, co-operatives and voluntary organisations that trade.",
    },
    {
      id: 'living-wage-staff-share',
      label: '% of staff paid at least the real Living Wage',
      unit: 'percent',
      pillarId: 'employment',
      description:
        'Share of all employees, including apprentices and casual staff, paid at least the real Living Wage on the date you answer.',
    },
    {
      id: 'living-wage-contractors-share',
      label: '% of regular contractors paid at least the real Living Wage',
      unit: 'percent',
      pillarId: 'employment',
      description:
        'Share of contractor and agency staff who work regularly on your sites (for example cleaning, catering, security) paid at least the real Living Wage.',
    },
    {
      id: 'local-staff-share',
      label: '% of staff living in the local area',
      unit: 'percent',
      pillarId: 'employment',
      description:
        'Share of employees whose home postcode is in the local area, as your network defines it.',
    },
    {
      id: 'deprived-area-staff-share',
      label: '% of staff living in the most deprived neighbourhoods',
      unit: 'percent',
      pillarId: 'employment',
      description:
        "Share of employees whose home postcode is in the local area's most deprived neighbourhoods, for example the 10% most deprived nationally on the Index of Multiple Deprivation.",
    },
    {
      id: 'apprentices',
      label: 'Number of apprentices',
      unit: 'count',
      pillarId: 'employment',
      description: 'Apprentices employed directly by your organisation during the year.',
    },
    {
      id: 'scope-1-emissions',
      label: 'Scope 1 emissions',
      unit: 'tco2e',
      pillarId: 'net-zero',
      description:
        'Direct emissions from fuel you burn yourself (gas, oil, vehicle fuel), in tonnes of CO2e, for the last full year.',
    },
    {
      id: 'scope-2-emissions',
      label: 'Scope 2 emissions',
      unit: 'tco2e',
      pillarId: 'net-zero',
      description:
        'Emissions from the electricity, heat and steam you buy, in tonnes of CO2e, for the last full year (location-based).',
    },
    {
      id: 'scope-3-emissions',
      label: 'Scope 3 emissions',
      unit: 'tco2e',
      pillarId: 'net-zero',
      description:
        'Indirect emissions in your supply chain and from travel, commuting, waste and the use of what you sell, in tonnes of CO2e, for the categories you measure.',
    },
    {
      id: 'emissions-change-from-base-year',
      label: '% change in emissions from the base year',
      unit: 'percent',
      pillarId: 'net-zero',
      description:
        'Change in your scope 1 and 2 emissions since your base year; a fall is a negative number, for example -35.',
    },
    {
      id: 'community-use-hours',
      label: 'Hours of community use of buildings',
      unit: 'hours',
      pillarId: 'estates-and-assets',
      description:
        'Hours in the year that community groups used your buildings and spaces, free or at a reduced rate.',
    },
  ],
};

/** The default framework, validated once at start-up so a broken edit fails loudly and early. */
export const anchorProgressionV1: TFramework = parseFramework(anchorProgressionV1Definition);
