-- A clinic at scale, for the read-path benchmark (issue 7 §3): patients numbered from_n+1 .. to_n of the
-- clinic in seed_params, each with four visits spread over ten years (up to a week ahead), so the worklist,
-- the name and date-of-birth search and a patient's history run against years of records. Run it again
-- with a higher to_n to grow the same clinic (1,000 -> 10,000 -> 100,000 patients).
--
-- The caller first makes the parameters table (one statement with bound values), then runs this file:
--   CREATE TEMP TABLE seed_params AS SELECT $1::uuid AS clinic, $2::uuid AS user_id, $3::int AS from_n, $4::int AS to_n, $5::date AS today;
-- 100,000 patients and 400,000 visits take about a minute with durable settings on a 2-core machine.

SELECT setseed(0.4217);

CREATE TEMP TABLE seed_names AS
SELECT
  ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez','Hernandez','Lopez',
        'Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee','Perez','Thompson','White',
        'Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young','Allen','King','Wright','Scott','Torres',
        'Nguyen','Hill','Flores','Green','Adams','Nelson','Baker','Hall','Rivera','Campbell','Mitchell','Carter','Roberts',
        'Gomez','Phillips','Evans','Turner','Diaz','Parker','Cruz','Edwards','Collins','Reyes','Stewart','Morris','Morales',
        'Murphy','Cook','Rogers','Gutierrez','Ortiz','Morgan','Cooper','Peterson','Bailey','Reed','Kelly','Howard','Ramos',
        'Kim','Cox','Ward','Richardson','Watson','Brooks','Chavez','Wood','James','Bennett','Gray','Mendoza','Ruiz','Hughes',
        'Price','Alvarez','Castillo','Sanders','Patel','Myers','Long','Ross','Foster','Jimenez','Powell','Jenkins','Perry',
        'Russell','Sullivan','Bell','Coleman','Butler','Henderson','Barnes','Gonzales','Fisher','Vasquez','Simmons','Romero',
        'Jordan','Patterson','Alexander','Hamilton','Graham','Reynolds','Griffin','Wallace','Moreno','West','Cole','Hayes',
        'Bryant','Herrera','Gibson','Ellis','Tran','Medina','Aguilar','Stevens','Murray','Ford','Castro','Marshall','Owens',
        'Harrison','Fernandez','McDonald','Woods','Washington','Kennedy','Wells','Vargas','Henry','Chen','Freeman','Webb',
        'Tucker','Guzman','Burns','Crawford','Olson','Simpson','Porter','Hunter','Gordon','Mendez','Silva','Shaw','Snyder',
        'Mason','Dixon','Muñoz','Hunt','Hicks','Holmes','Palmer','Wagner','Black','Robertson','Boyd','Rose','Stone','Salazar',
        'Fox','Warren','Mills','Meyer','Rice','Schmidt','Garza','Daniels','Ferguson','Nichols','Stephens','Soto','Weaver',
        'Ryan','Gardner','Payne','Grant','Dunn','Kelley','Spencer','Hawkins','Arnold','Pierce','Vazquez','Hansen','Peters',
        'Santos','Hart','Bradley','Knight','Elliott','Cunningham','Duncan','Armstrong','Hudson','Carroll','Lane','Riley',
        'Andrews','Alvarado','Ray','Delgado','Berry','Perkins','Hoffman','Johnston','Matthews','Peña','Richards','Willis',
        'Carpenter','Lawrence','Sandoval','O''Brien','Nowak','Kowalski','Müller','Schneider','Fischer','Weber','Becker',
        'Dubois','Lefebvre','Rossi','Russo','Ferrari','Esposito','Bianchi','Jensen','Nielsen','Larsen','Andersson',
        'Johansson','Karlsson','Virtanen','Korhonen','Novak','Horvat','Kovacs','Nagy','Popescu','Ivanov','Petrov',
        'Yilmaz','Kaya','Demir','Sato','Suzuki','Takahashi','Tanaka','Wang','Li','Zhang','Liu','Singh','Kumar','Sharma',
        'Okafor','Okonkwo','Mensah','Osei','Abebe','Haddad','Khalil','Cohen','Levi','MacLeod','Fraser','Byrne','Walsh',
        'Ó Briain','van Dijk','de Vries','van den Berg','Bakker','Janssen','Visser','Smit','de Jong','Meijer'] AS last_names,
  ARRAY['Ann','Anna','Annabel','Anne','Amelia','Ava','Alex','Alexander','Adam','Aiden','Ben','Benjamin','Bella','Beth',
        'Carla','Carlos','Charlotte','Chloe','Chris','Claire','Daniel','David','Diana','Dylan','Elena','Eli','Elijah',
        'Ella','Emily','Emma','Ethan','Eva','Fatima','Felix','Finn','Freya','Gabriel','Grace','Hannah','Harper','Harry',
        'Henry','Isaac','Isabella','Ivy','Jack','Jacob','James','Jana','Jasmine','Jayden','John','Jonas','Jose','Joseph',
        'Julia','Kai','Karen','Kate','Kevin','Laila','Laura','Leah','Leo','Liam','Lily','Logan','Lucas','Lucy','Luis',
        'Luke','Maria','Mark','Mason','Mateo','Maya','Mia','Michael','Mila','Mohammed','Nadia','Naomi','Nathan','Noah',
        'Nora','Oliver','Olivia','Omar','Oscar','Owen','Paul','Priya','Quinn','Rachel','Rafael','Rosa','Ruby','Ryan',
        'Sam','Samuel','Sara','Sebastian','Sofia','Sophie','Stella','Thomas','Tom','Valentina','Victoria','William',
        'Yusuf','Zara','Zoe','Åsa','Björn','Chiara','Dmitri','Émile','Hiroshi','Ingrid','Jürgen','Kwame','Léa','Mei',
        'Niamh','Pål','Renée','Siobhán','Thandiwe','Ugo','Wei','Ximena','Yara','Zoltán'] AS first_names;

-- Common names are commoner: the index into each list is skewed towards its start (random()^2).
WITH new_patients AS (
  INSERT INTO "Patient" (id, "clinicId", "firstName", "lastName", "dateOfBirth", sex, email, phone, "createdAt", "createdById")
  SELECT gen_random_uuid(), p.clinic,
         n.first_names[1 + floor(power(random(), 2) * array_length(n.first_names, 1))::int],
         n.last_names[1 + floor(power(random(), 2) * array_length(n.last_names, 1))::int],
         date '1940-01-01' + floor(random() * 25500)::int,
         (ARRAY['FEMALE','MALE','FEMALE','MALE','OTHER','UNDISCLOSED'])[1 + floor(random() * 6)::int]::"Sex",
         NULL, NULL,
         now() - random() * interval '10 years',
         p.user_id
    FROM seed_params p, seed_names n, generate_series(p.from_n + 1, p.to_n) AS i
  RETURNING id, "clinicId"
), first_visit AS (
  SELECT np.id AS patient_id, np."clinicId" AS clinic_id, p.today - 3650 + floor(random() * 3650)::int AS d0, floor(7 + random() * 60)::int AS gap
    FROM new_patients np, seed_params p
)
INSERT INTO "Visit" (id, "clinicId", "patientId", kind, date, status, "needsReview", "createdAt", "createdById", "updatedAt")
SELECT gen_random_uuid(), f.clinic_id, f.patient_id,
       (CASE WHEN k = 1 THEN 'INITIAL' ELSE 'FOLLOW_UP' END)::"VisitKind",
       LEAST(f.d0 + (k - 1) * f.gap, p.today + 7),
       (CASE
          WHEN LEAST(f.d0 + (k - 1) * f.gap, p.today + 7) < p.today - 14 THEN 'SUMMARY_FINALIZED'
          ELSE (ARRAY['INVITED','INTAKE_SUBMITTED','EXAMINED','SUMMARY_FINALIZED'])[1 + floor(random() * 4)::int]
        END)::"VisitStatus",
       random() < 0.03,
       LEAST(f.d0 + (k - 1) * f.gap, p.today + 7) + time '08:00' + random() * interval '10 hours',
       p.user_id,
       LEAST(f.d0 + (k - 1) * f.gap, p.today + 7) + time '18:30'
  FROM first_visit f, seed_params p, generate_series(1, 4) AS k;

DROP TABLE seed_names;
