-- customers: how the desk is named to customers in each language (who answered on the portal, the signature of
-- its mails); no row: the default of the language ("Equipa de Suporte", "Equipo de Soporte", "Support Team").
CREATE TABLE desk_name (
  language   VARCHAR(2)   PRIMARY KEY,  -- ES | PT | EN
  name       VARCHAR(80)  NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
